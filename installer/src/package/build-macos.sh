#!/usr/bin/env bash
# Builds AgentMon.pkg on a Mac (needs Xcode command line tools for pkgbuild; JDK 17 for jpackage).
# Everything the package installs is rendered and linted by the installer itself, on any OS; this
# script only wraps it. Not run in CI (Linux); see README "Install, uninstall, doctor".
#
#   build-macos.sh OUT VERSION HELPER_JAR USRTASK_JAR INSTALLER_JAR [ICNS]
#
# Optional signing: set AGENTMON_APP_SIGN="Developer ID Application: ..." and
# AGENTMON_PKG_SIGN="Developer ID Installer: ..." (then notarize the .pkg with `xcrun notarytool`).
set -euo pipefail
out=$1 version=$2 helper_jar=$3 usrtask_jar=$4 installer_jar=$5 icns=${6:-}
for jar in "$helper_jar" "$usrtask_jar" "$installer_jar"; do
  [ -f "$jar" ] || { echo "build-macos: missing $jar (run ./mvnw -B -DskipTests package first)" >&2; exit 1; }
done
app_version=${version%%-*}
# jpackage refuses a macOS app-version whose first number is 0; the bundle's real version strings
# come from our Info.plist (resource dir), so this only satisfies jpackage's check.
jpackage_version=$app_version
case "$app_version" in 0.*) jpackage_version=1.0 ;; esac

rm -rf "$out" && mkdir -p "$out/input" "$out/resources" "$out/launchers" "$out/pkgroot/Applications"
cp "$helper_jar" "$out/input/agentmon.jar"
cp "$usrtask_jar" "$out/input/usrtask.jar"
cp "$installer_jar" "$out/input/agentmon-installer.jar"

# Render and lint every file the package installs (LaunchDaemon, LaunchAgent, Info.plist, scripts).
java -jar "$installer_jar" render --platform macos --out "$out/render" >/dev/null
java -jar "$installer_jar" lint "$out/render/Library/LaunchDaemons/org.agentmon.helper.plist" \
  "$out/render/Library/LaunchAgents/org.agentmon.usrtask.plist"
plutil -lint "$out/render/package/Info.plist"
cp "$out/render/package/Info.plist" "$out/resources/Info.plist"
[ -n "$icns" ] && cp "$icns" "$out/resources/AgentMon.icns"

for l in agentmon:agentmon.jar:org.agentmon.cli.Main usrtask:usrtask.jar:org.agentmon.usrtask.Main \
         agentmon-installer:agentmon-installer.jar:org.agentmon.installer.Main; do
  IFS=: read -r name jar main <<<"$l"
  printf 'main-jar=%s\nmain-class=%s\n' "$jar" "$main" > "$out/launchers/$name.properties"
done

modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  "$out/input/agentmon.jar" "$out/input/usrtask.jar" "$out/input/agentmon-installer.jar" 2>/dev/null || true)
modules="${modules:+$modules,}jdk.security.auth,jdk.unsupported,java.desktop,java.logging,java.xml,jdk.crypto.ec"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

# The main launcher (CFBundleExecutable AgentMon) runs UsrTask; the LaunchAgent runs Contents/MacOS/usrtask.
jpackage --type app-image --dest "$out/image" --name AgentMon --app-version "$jpackage_version" \
  --input "$out/input" --main-jar usrtask.jar --main-class org.agentmon.usrtask.Main \
  --runtime-image "$out/runtime" --resource-dir "$out/resources" \
  --mac-package-identifier org.agentmon.AgentMon \
  --add-launcher agentmon="$out/launchers/agentmon.properties" \
  --add-launcher usrtask="$out/launchers/usrtask.properties" \
  --add-launcher agentmon-installer="$out/launchers/agentmon-installer.properties" \
  ${AGENTMON_APP_SIGN:+--mac-sign --mac-signing-key-user-name "$AGENTMON_APP_SIGN"}

cp -R "$out/image/AgentMon.app" "$out/pkgroot/Applications/"
# Not relocatable: the launchd jobs name /Applications/AgentMon.app.
pkgbuild --analyze --root "$out/pkgroot" "$out/component.plist"
plutil -replace 0.BundleIsRelocatable -bool NO "$out/component.plist"
# postinstall runs `agentmon-installer upgrade --platform macos --root "$3"`: it lays out
# /Library/LaunchDaemons and /Library/LaunchAgents (root:wheel 0644), lints, and bootstraps.
pkgbuild --root "$out/pkgroot" --component-plist "$out/component.plist" \
  --scripts "$out/render/package/scripts" --identifier org.agentmon.pkg --version "$app_version" \
  --install-location / ${AGENTMON_PKG_SIGN:+--sign "$AGENTMON_PKG_SIGN"} "$out/AgentMon-$app_version.pkg"
ls -l "$out"/*.pkg
