#!/usr/bin/env bash
# Builds AgentMon-<version>-<arch>.pkg on a Mac (Xcode command line tools; JDK 17 for jpackage),
# one package per CPU: JavaFX's native code differs per architecture, so usrtask.jar must be
# built with the matching classifier (./mvnw -B -DskipTests -Djavafx.platform=mac-aarch64 package
# for arm64, -Djavafx.platform=mac for x86_64). Everything the package installs is rendered and
# linted by the installer itself, on any OS; this script only wraps it.
#
#   build-macos.sh [--plan] ARCH OUT VERSION HELPER_JAR USRTASK_JAR INSTALLER_JAR [ICNS]
#     ARCH   arm64 or x86_64
#     --plan print every command it would run, run none (a Linux test checks this plan)
#
# Signing and notarization come from the environment; without them the build is unsigned and
# says so (fine for testing, refused by Gatekeeper and MDM):
#   AGENTMON_APP_SIGN       "Developer ID Application: NAME (TEAMID)"  signs code (hardened runtime)
#   AGENTMON_PKG_SIGN       "Developer ID Installer: NAME (TEAMID)"    signs the distribution pkg
#   AGENTMON_NOTARY_PROFILE a `xcrun notarytool store-credentials` profile   notarizes and staples
set -euo pipefail
plan=false
if [ "${1:-}" = --plan ]; then plan=true; shift; fi
[ $# -ge 6 ] || { sed -n '8,11p' "$0" >&2; exit 2; }
arch=$1 out=$2 version=$3 helper_jar=$4 usrtask_jar=$5 installer_jar=$6 icns=${7:-}
case "$arch" in
  arm64) jni=aarch64-MacOSX-clang jna=darwin-aarch64 fx=mac-aarch64 ;;
  x86_64) jni=x86_64-MacOSX-clang jna=darwin-x86-64 fx=mac ;;
  *) echo "build-macos: ARCH must be arm64 or x86_64, not $arch" >&2; exit 2 ;;
esac

# Every step goes through run (or run_sh for a pipeline): --plan prints it, a build runs it.
run() {
  if $plan; then printf '%q ' "$@" | sed 's/ $//'; echo; else "$@"; fi
}
run_sh() {
  if $plan; then echo "$1"; else bash -euo pipefail -c "$1"; fi
}

for jar in "$helper_jar" "$usrtask_jar" "$installer_jar"; do
  [ -f "$jar" ] || { echo "build-macos: missing $jar (run ./mvnw -B -DskipTests package first)" >&2; exit 1; }
done
# A usrtask.jar built on Linux carries libglass.so and would install a menu-bar app that cannot start.
entries=$(unzip -Z1 "$usrtask_jar")
if ! grep -qx 'libglass.dylib' <<<"$entries"; then
  echo "build-macos: refusing $usrtask_jar: it has no libglass.dylib, so it was not built for macOS" >&2
  echo "  (rebuild with ./mvnw -B -DskipTests -Djavafx.platform=$fx package)" >&2
  exit 1
fi
if grep -q '^com/sun/glass/ui/gtk/\|^libglass.so$' <<<"$entries"; then
  echo "build-macos: refusing $usrtask_jar: it also carries Linux JavaFX code; rebuild with -Djavafx.platform=$fx" >&2
  exit 1
fi

sign_app=${AGENTMON_APP_SIGN:-} sign_pkg=${AGENTMON_PKG_SIGN:-} notary=${AGENTMON_NOTARY_PROFILE:-}
if [ -z "$sign_app" ] || [ -z "$sign_pkg" ] || [ -z "$notary" ]; then
  echo "build-macos: UNSIGNED build: set AGENTMON_APP_SIGN, AGENTMON_PKG_SIGN and AGENTMON_NOTARY_PROFILE to sign and notarize" >&2
  sign_app='' sign_pkg='' notary=''
fi
app_version=${version%%-*}
# jpackage refuses a macOS app-version whose first number is 0; the bundle's real version strings
# come from our Info.plist (resource dir), so this only satisfies jpackage's check.
jpackage_version=$app_version
case "$app_version" in 0.*) jpackage_version=1.0 ;; esac
app="$out/image/AgentMon.app"
fw="$app/Contents/Frameworks"
pkg="$out/AgentMon-$app_version-$arch.pkg"

run rm -rf "$out"
run mkdir -p "$out/input" "$out/resources" "$out/native" "$out/pkgroot/Applications"
run cp "$helper_jar" "$out/input/agentmon.jar"
run cp "$usrtask_jar" "$out/input/usrtask.jar"
run cp "$installer_jar" "$out/input/agentmon-installer.jar"

# Render and lint every file the package installs or the build uses.
run java -jar "$installer_jar" render --platform macos --out "$out/render"
run java -jar "$installer_jar" lint "$out/render/Library/LaunchDaemons/org.agentmon.helper.plist" \
  "$out/render/Library/LaunchAgents/org.agentmon.usrtask.plist"
run plutil -lint "$out/render/package/Info.plist" "$out/render/package/entitlements.plist"
run cp "$out/render/package/Info.plist" "$out/resources/Info.plist"
[ -n "$icns" ] && run cp "$icns" "$out/resources/AgentMon.icns"

# Native code out of the jars (Apple's notary service looks inside jars and rejects unsigned
# code there), this architecture's only, into Contents/Frameworks, where it is signed; the
# launchers' options (rendered) point junixsocket, JNA and JavaFX at it.
run_sh "unzip -j -o '$out/input/agentmon.jar' 'lib/$jni/jni/libjunixsocket-native-*.dylib' -d '$out/native' && mv '$out/native'/libjunixsocket-native-*.dylib '$out/native/libjunixsocket-native.dylib'"
run unzip -j -o "$out/input/agentmon.jar" "com/sun/jna/$jna/libjnidispatch.jnilib" -d "$out/native"
run unzip -j -o "$out/input/usrtask.jar" '*.dylib' -x 'lib/*' 'com/*' -d "$out/native"
for jar in agentmon.jar usrtask.jar agentmon-installer.jar; do
  # zip exits 12 when a jar has none of the patterns: nothing to remove is fine.
  run_sh "zip -q -d '$out/input/$jar' '*.dylib' '*.jnilib' '*.so' '*.dll' '*.a' || [ \$? -eq 12 ]"
done
run_sh "lipo -archs '$out/native/libglass.dylib' | grep -qw $arch"

jlink_modules="jdk.security.auth,jdk.unsupported,java.desktop,java.logging,java.xml,jdk.crypto.ec"
run_sh "modules=\$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps '$out/input/agentmon.jar' '$out/input/usrtask.jar' '$out/input/agentmon-installer.jar'); jlink --add-modules \"\${modules:+\$modules,}$jlink_modules\" --strip-debug --no-header-files --no-man-pages --output '$out/runtime'"

# The main launcher (CFBundleExecutable AgentMon) runs UsrTask; the jobs run Contents/MacOS/agentmon
# (the helper, with its benchmarked JVM flags in agentmon.cfg) and Contents/MacOS/usrtask.
run jpackage --type app-image --dest "$out/image" --name AgentMon --app-version "$jpackage_version" \
  --input "$out/input" --main-jar usrtask.jar --main-class org.agentmon.usrtask.Main \
  --runtime-image "$out/runtime" --resource-dir "$out/resources" \
  --mac-package-identifier org.agentmon.AgentMon \
  --add-launcher agentmon="$out/render/package/launchers/agentmon.properties" \
  --add-launcher usrtask="$out/render/package/launchers/usrtask.properties" \
  --add-launcher agentmon-installer="$out/render/package/launchers/agentmon-installer.properties"
# The helper and the CLI map the CDS archive that the postinstall (agentmon-installer upgrade) makes
# with the installed runtime for the installed jar, outside the signed bundle (-Xshare:auto: the
# JVM starts without it when it is missing or stale); jpackage must have kept the rendered flag.
run_sh "grep -o -- '-XX:SharedArchiveFile=[^ ]*' '$out/render/package/launchers/agentmon.properties' | grep -qFf - '$app/Contents/app/agentmon.cfg'"
run mkdir -p "$fw"
run_sh "cp '$out/native'/* '$fw/'"

if [ -n "$sign_app" ]; then
  # Inside out: libraries, the runtime's executables, the launchers, then the bundle; Developer ID,
  # hardened runtime, secure timestamp, the JVM's entitlements on executables only.
  cs=(codesign --force --timestamp --options runtime --sign "$sign_app")
  run_sh "find '$fw' '$app/Contents/runtime' -type f \\( -name '*.dylib' -o -name '*.jnilib' \\) -exec codesign --force --timestamp --options runtime --sign '$sign_app' {} +"
  run_sh "find '$app/Contents/runtime/Contents/Home/bin' '$app/Contents/runtime/Contents/Home/lib' -type f -perm -u+x ! -name '*.dylib' -exec codesign --force --timestamp --options runtime --entitlements '$out/render/package/entitlements.plist' --sign '$sign_app' {} +"
  run "${cs[@]}" "$app/Contents/runtime"
  run_sh "find '$app/Contents/MacOS' -type f -exec codesign --force --timestamp --options runtime --entitlements '$out/render/package/entitlements.plist' --sign '$sign_app' {} +"
  run "${cs[@]}" --entitlements "$out/render/package/entitlements.plist" "$app"
  run codesign --verify --deep --strict --verbose=2 "$app"
fi

run cp -R "$app" "$out/pkgroot/Applications/"
# Not relocatable: the launchd jobs name /Applications/AgentMon.app.
run pkgbuild --analyze --root "$out/pkgroot" "$out/component.plist"
run plutil -replace 0.BundleIsRelocatable -bool NO "$out/component.plist"
# postinstall runs `agentmon-installer upgrade --platform macos --root "$3"`: it lays out
# /Library/LaunchDaemons and /Library/LaunchAgents (root:wheel 0644), lints, makes the CDS archive
# (/Library/Caches/AgentMon/agentmon.jsa, root:wheel 0644) and bootstraps.
run pkgbuild --root "$out/pkgroot" --component-plist "$out/component.plist" \
  --scripts "$out/render/package/scripts" --identifier org.agentmon.pkg --version "$app_version" \
  --install-location / "$out/AgentMon-component.pkg"
# A distribution package (MDM installs only signed distribution packages), for this CPU only.
run productbuild --distribution "$out/render/package/distribution-$arch.xml" --package-path "$out" \
  "$out/unsigned.pkg"
if [ -n "$sign_pkg" ]; then
  run productsign --sign "$sign_pkg" --timestamp "$out/unsigned.pkg" "$pkg"
  run xcrun notarytool submit "$pkg" --keychain-profile "$notary" --wait
  run xcrun stapler staple "$pkg"
  run xcrun stapler validate "$pkg"
  run spctl --assess --type install --verbose "$pkg"
else
  run mv "$out/unsigned.pkg" "$pkg"
  echo "build-macos: $pkg is UNSIGNED and not notarized" >&2
fi
run ls -l "$pkg"
