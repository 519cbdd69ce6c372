#!/usr/bin/env bash
# Builds the Linux packages, split so that a headless server takes no X or GTK library:
#   agentmon_<v>-<rev>_<arch>.deb          helper, CLI and installer: /opt/agentmon (own runtime
#                                          without java.desktop), /usr/bin/agentmon,
#                                          /usr/bin/agentmon-installer; maintainer scripts lay out
#                                          the systemd units through the bundled installer
#   agentmon-desktop_<v>-<rev>_<arch>.deb  the AgentMon tray app: /opt/agentmon/desktop (own runtime
#                                          with java.desktop) and its XDG autostart entry;
#                                          depends on agentmon
# Both app images come from jpackage; the packages are assembled with dpkg-deb, their library
# dependencies computed by dpkg-shlibdeps from the ELF files they really ship.
#
#   build-linux.sh OUT VERSION HELPER_JAR USRTASK_JAR INSTALLER_JAR [REVISION]
#
# Run by `./mvnw -B -Ppackage -pl installer -am verify` after `./mvnw -B -DskipTests package`.
set -euo pipefail
out=$(realpath -m "$1") version=$2 helper_jar=$3 usrtask_jar=$4 installer_jar=$5 revision=${6:-1}
for jar in "$helper_jar" "$usrtask_jar" "$installer_jar"; do
  [ -f "$jar" ] || { echo "build-linux: missing $jar (run ./mvnw -B -DskipTests package first)" >&2; exit 1; }
done
# One build: the app calls a helper from another build "a different version".
build_id() { unzip -p "$1" org/agentmon/agentmon-build.properties | sed -n 's/^buildId=//p'; }
if [ "$(build_id "$helper_jar")" != "$(build_id "$usrtask_jar")" ]; then
  echo "build-linux: $helper_jar (build $(build_id "$helper_jar")) and $usrtask_jar (build $(build_id "$usrtask_jar"))" \
    "come from different builds; build both with one -Dagentmon.buildId (see README, Packages)" >&2
  exit 1
fi
for tool in jlink jpackage jdeps dpkg-deb dpkg-shlibdeps fakeroot unzip; do
  command -v "$tool" >/dev/null || { echo "build-linux: $tool not found (dpkg-dev, fakeroot, a JDK 17)" >&2; exit 1; }
done
# Debian and jpackage want a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
app_version=${version%%-*}
deb_version="$app_version-$revision"
arch=$(dpkg --print-architecture)
maintainer="AgentMon <agentmon@example.org>"

rm -rf "$out" && mkdir -p "$out/input/headless" "$out/input/desktop" "$out/launchers" "$out/image"
cp "$helper_jar" "$out/input/headless/agentmon.jar"
cp "$installer_jar" "$out/input/headless/agentmon-installer.jar"
cp "$usrtask_jar" "$out/input/desktop/usrtask.jar"
# junixsocket's library for this machine's CPU, beside the jars without its version (Layout's
# junixsocketLibrary): the launchers point junixsocket at it, so no start unpacks it into /tmp.
case "$(uname -m)" in
  x86_64) jni=amd64-Linux-clang ;;
  aarch64) jni=aarch64-Linux-clang ;;
  *) echo "build-linux.sh: no junixsocket library for $(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$out/input/headless/native"
(cd "$out/input/headless/native" && unzip -q -j "$helper_jar" "lib/$jni/jni/libjunixsocket-native-*.so" \
  -x '*.nodeps.so' && mv libjunixsocket-native-*.so libjunixsocket-native.so)

# Maintainer scripts and the autostart entry come from the installer's own renderer, so the
# packages and `agentmon-installer upgrade` cannot drift apart.
java -jar "$installer_jar" render --platform linux --out "$out/render" >/dev/null

# One runtime per package, with just the modules its jars need (plus what reflection and
# UnixSystem need, which jdeps cannot see). Only the desktop one has java.desktop (AWT, X11).
runtime() { # NAME EXTRA_MODULES DROPPED_MODULES JAR...
  local name=$1 extra=$2 dropped=$3; shift 3
  local modules
  modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$@" 2>/dev/null || true)
  modules=$(printf '%s\n' "${modules//,/$'\n'}" | grep -vxF -e "${dropped:-none}" | paste -sd, -)
  jlink --add-modules "${modules:+$modules,}$extra" --strip-debug --no-header-files --no-man-pages \
    --output "$out/runtime-$name"
}
# JNA mentions AWT (window handles), so jdeps lists java.desktop for the helper's jar; JNA is loaded
# only on macOS (launch_activate_socket), so the headless runtime leaves java.desktop out.
runtime headless jdk.security.auth,jdk.unsupported,java.logging,java.xml,jdk.crypto.ec java.desktop \
  "$out/input/headless/agentmon.jar" "$out/input/headless/agentmon-installer.jar"
runtime desktop jdk.security.auth,jdk.unsupported,java.desktop,java.logging,java.xml,jdk.crypto.ec "" \
  "$out/input/desktop/usrtask.jar"

printf 'main-jar=agentmon-installer.jar\nmain-class=org.agentmon.installer.Main\n' \
  > "$out/launchers/agentmon-installer.properties"
# The CLI's JVM options are the helper's (rendered): the same flags and the same CDS archive, which
# postinst's `agentmon-installer upgrade` makes in /var/cache/agentmon with the installed runtime.
cli_options=()
for o in $(sed -n 's/^java-options=//p' "$out/render/package/launchers/agentmon.properties"); do
  cli_options+=(--java-options "$o")
done
jpackage --type app-image --dest "$out/image" --name agentmon --app-version "$app_version" \
  --input "$out/input/headless" --main-jar agentmon.jar --main-class org.agentmon.cli.Main \
  --runtime-image "$out/runtime-headless" "${cli_options[@]}" \
  --add-launcher agentmon-installer="$out/launchers/agentmon-installer.properties"
# The app's JVM flags (UsrTaskLaunch, rendered one a line), each its own --java-options.
usrtask_options=()
while IFS= read -r flag; do usrtask_options+=(--java-options "$flag"); done < "$out/render/package/usrtask-java-options"
jpackage --type app-image --dest "$out/image" --name usrtask --app-version "$app_version" \
  --input "$out/input/desktop" --main-jar usrtask.jar --main-class org.agentmon.usrtask.Main \
  --runtime-image "$out/runtime-desktop" "${usrtask_options[@]}"

# shlibs:Depends of every ELF file under TREE (and of extra ELF files given after it).
shlibs() { # TREE [ELF...]
  local tree=$1; shift
  local work; work=$(mktemp -d)
  mkdir -p "$work/debian" && printf 'Source: agentmon\n\nPackage: agentmon\nArchitecture: any\n' > "$work/debian/control"
  local elfs=() dirs=()
  while IFS= read -r -d '' f; do
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] && elfs+=("$f")
  done < <(find "$tree" -type f -print0)
  while IFS= read -r d; do dirs+=("-l$d"); done < <(printf '%s\n' "${elfs[@]}" "$@" | xargs -n1 dirname | sort -u)
  (cd "$work" && dpkg-shlibdeps -O --ignore-missing-info "${dirs[@]}" "${elfs[@]}" "$@" 2>/dev/null) \
    | sed -n 's/^shlibs:Depends=//p'
  rm -rf "$work"
}

# control FILE PACKAGE TREE DEPENDS SECTION SUMMARY LONG [RECOMMENDS]
control() {
  local file=$1 package=$2 tree=$3 depends=$4 section=$5 summary=$6 long=$7 recommends=${8:-}
  cat > "$file" <<EOF
Package: $package
Version: $deb_version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Depends: $depends
Section: $section
Priority: optional
Description: $summary
 $long
EOF
  if [ -n "$recommends" ]; then sed -i "/^Depends: /a Recommends: $recommends" "$file"; fi
}

finish() { # TREE: checksums, then the .deb in OUT
  local tree=$1
  (cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
  chmod -R u+rwX,go+rX,go-w "$tree"
  # gzip: several times faster to build than xz, for a package that is mostly a compressed runtime.
  fakeroot dpkg-deb --build -Zgzip "$tree" "$out" >/dev/null
}

# agentmon: the helper, the CLI and the installer.
tree="$out/deb/agentmon"
mkdir -p "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin"
cp -a "$out/image/agentmon" "$tree/opt/agentmon"
ln -s /opt/agentmon/bin/agentmon "$tree/usr/bin/agentmon"
ln -s /opt/agentmon/bin/agentmon-installer "$tree/usr/bin/agentmon-installer"
for s in postinst prerm postrm; do install -m 0755 "$out/render/package/debian/$s" "$tree/DEBIAN/$s"; done
control "$tree/DEBIAN/control" agentmon "$tree" "$(shlibs "$tree")" admin \
  "AgentMon helper daemon, command line and installer" \
  "The root helper (socket-activated by systemd), the agentmon command and agentmon-installer."
finish "$tree"

# agentmon-desktop: the tray app and its autostart entry. It loads libayatana-appindicator through
# JNA (a StatusNotifierItem for GNOME and KDE) and asks the bus with dbus-send: recommended, since
# without them the app falls back to an XEmbed tray icon. JavaFX unpacks its GTK glass and
# software-pipeline libraries from usrtask.jar at run time; their dependencies count too (not
# prism_es2: without OpenGL JavaFX uses the software pipeline).
tree="$out/deb/agentmon-desktop"
mkdir -p "$tree/DEBIAN" "$tree/opt/agentmon"
cp -a "$out/image/usrtask" "$tree/opt/agentmon/desktop"
(cd "$out/render/package/desktop" && find . -type f -printf '%P\n') | while read -r f; do
  install -D -m 0644 "$out/render/package/desktop/$f" "$tree/$f"
  echo "/$f" >> "$tree/DEBIAN/conffiles"
done
fx="$out/javafx-natives" && mkdir -p "$fx"
natives=$(jar tf "$out/input/desktop/usrtask.jar" | grep -E '^lib[^/]*\.so$' | grep -vx libprism_es2.so)
(cd "$fx" && jar xf "$out/input/desktop/usrtask.jar" $natives)
control "$tree/DEBIAN/control" agentmon-desktop "$tree" \
  "agentmon (= $deb_version), $(shlibs "$tree" "$fx"/*.so)" x11 \
  "AgentMon tray app" \
  "Shows the state of the AgentMon helper in the tray; started at login for every user." \
  "libayatana-appindicator3-1, dbus-bin"
finish "$tree"
ls -l "$out"/*.deb
