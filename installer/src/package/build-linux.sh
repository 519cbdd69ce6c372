#!/usr/bin/env bash
# Builds the Linux packages: a jpackage app image (own runtime; launchers agentmon, usrtask,
# agentmon-installer) and a .deb whose maintainer scripts call the bundled installer.
#
#   build-linux.sh OUT VERSION HELPER_JAR USRTASK_JAR INSTALLER_JAR
#
# Run by `./mvnw -B -Ppackage -pl installer verify` after `./mvnw -B -DskipTests package`.
set -euo pipefail
out=$1 version=$2 helper_jar=$3 usrtask_jar=$4 installer_jar=$5
for jar in "$helper_jar" "$usrtask_jar" "$installer_jar"; do
  [ -f "$jar" ] || { echo "build-linux: missing $jar (run ./mvnw -B -DskipTests package first)" >&2; exit 1; }
done
# Debian and jpackage want a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
app_version=${version%%-*}

rm -rf "$out" && mkdir -p "$out/input" "$out/resources" "$out/launchers"
cp "$helper_jar" "$out/input/agentmon.jar"
cp "$usrtask_jar" "$out/input/usrtask.jar"
cp "$installer_jar" "$out/input/agentmon-installer.jar"

# The maintainer scripts come from the installer's own renderer, so package and
# `agentmon-installer upgrade` cannot drift apart.
java -jar "$installer_jar" render --platform linux --out "$out/render" >/dev/null
cp "$out/render/package/debian/postinst" "$out/render/package/debian/prerm" \
   "$out/render/package/debian/postrm" "$out/resources/"

printf 'main-jar=usrtask.jar\nmain-class=org.agentmon.usrtask.Main\n' > "$out/launchers/usrtask.properties"
printf 'main-jar=agentmon-installer.jar\nmain-class=org.agentmon.installer.Main\n' \
  > "$out/launchers/agentmon-installer.properties"

# A runtime with just the modules the three jars need (plus what reflection and
# UnixSystem need, which jdeps cannot see).
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  "$out/input/agentmon.jar" "$out/input/usrtask.jar" "$out/input/agentmon-installer.jar" 2>/dev/null || true)
modules="${modules:+$modules,}jdk.security.auth,jdk.unsupported,java.desktop,java.logging,java.xml,jdk.crypto.ec"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out/runtime"

jpackage --type app-image --dest "$out/image" --name agentmon --app-version "$app_version" \
  --input "$out/input" --main-jar agentmon.jar --main-class org.agentmon.cli.Main \
  --runtime-image "$out/runtime" \
  --add-launcher usrtask="$out/launchers/usrtask.properties" \
  --add-launcher agentmon-installer="$out/launchers/agentmon-installer.properties"

jpackage --type deb --dest "$out" --app-image "$out/image/agentmon" --name agentmon \
  --app-version "$app_version" --linux-package-name agentmon --install-dir /opt \
  --linux-deb-maintainer "agentmon@example.org" --resource-dir "$out/resources" \
  --description "AgentMon helper daemon, UsrTask tray app and installer"
ls -l "$out"/*.deb
