#!/usr/bin/env bash
# AgentMon acceptance on a real Mac: what Linux CI cannot show. Run it as an administrator after
# installing the package; every check prints PASS, FAIL or SKIP (with why), and the script exits 1
# when anything failed. Parts that need a person (the menu bar, System Settings) ask y/n.
#
#   mac-acceptance.sh [--pkg AgentMon-<v>-<arch>.pkg]   the installed machine, optionally the pkg file
#   mac-acceptance.sh --headless                         after a reboot, over SSH, nobody logged in
#   mac-acceptance.sh --upgrade-with-login-off PKG       reinstalls PKG while this user has Start at Login off
#
# Results go to stdout; paste them into the release checklist.
set -uo pipefail
LABEL=org.agentmon.helper AGENT=org.agentmon.usrtask
APP=/Applications/AgentMon.app
CLI="$APP/Contents/MacOS/agentmon" INSTALLER="$APP/Contents/MacOS/agentmon-installer"
LOGS=/Library/Logs/AgentMon
JSA=/Library/Caches/AgentMon/agentmon.jsa
failures=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
skip() { echo "SKIP $1"; }
check() { # check NAME COMMAND...: PASS when the command succeeds
  local name=$1; shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name: $* -> ${out//$'\n'/ | }"; fi
}
ask() { # ask NAME QUESTION: a person answers y or n
  local name=$1 answer
  if [ ! -t 0 ]; then skip "$name (needs a person at the Mac)"; return; fi
  read -r -p "$2 [y/n] " answer
  if [ "$answer" = y ]; then pass "$name"; else fail "$name (answered $answer)"; fi
}
status_field() { # status_field KEY: one field of `agentmon status --json`
  local f; f=$(mktemp)
  "$CLI" status --json 2>/dev/null | head -n 1 > "$f"
  plutil -extract "$1" raw -o - "$f" 2>/dev/null
  rm -f "$f"
}
helper_pid() {
  launchctl print "system/$LABEL" 2>/dev/null | awk '$1 == "pid" {print $3; exit}'
}
await_new_pid() { # await_new_pid OLD SECONDS: prints the new pid, or nothing
  local old=$1 i p
  for ((i = 0; i < $2 * 10; i++)); do
    p=$(helper_pid)
    if [ -n "$p" ] && [ "$p" != "$old" ] && [ -n "$(status_field pid)" ]; then echo "$p"; return; fi
    sleep 0.1
  done
}

cds_fits() { # cds_fits NAME: the installed runtime maps the archive for the installed jar (-Xshare:on refuses otherwise)
  check "$1" "$APP/Contents/runtime/Contents/Home/bin/java" -Xshare:on -XX:SharedArchiveFile="$JSA" \
    -Dorg.newsclub.net.unix.library.override="$APP/Contents/Frameworks/libjunixsocket-native.dylib" \
    -jar "$APP/Contents/app/agentmon.jar" --version
}

headless() {
  echo "== nobody logged in (after a reboot, over SSH)"
  console=$(stat -f %Su /dev/console)
  if [ "$console" = root ]; then pass "no-console-user"; else fail "no-console-user: $console is logged in at the console"; fi
  check "helper-loaded" launchctl print "system/$LABEL"
  if [ -n "$(helper_pid)" ]; then pass "helper-running-without-login"; else fail "helper-running-without-login: no pid"; fi
  server=$(status_field upstream.serverURL)
  if [ -z "$server" ]; then skip "heartbeat (no upstream server configured)"; return; fi
  first=$(status_field upstream.lastSuccess)
  echo "waiting up to 10 minutes for a heartbeat to $server (last $first)"
  for ((i = 0; i < 120; i++)); do
    now=$(status_field upstream.lastSuccess)
    if [ -n "$now" ] && [ "$now" != "$first" ]; then pass "heartbeat-without-login ($now)"; return; fi
    sleep 5
  done
  fail "heartbeat-without-login: upstream.lastSuccess stayed $first"
}

upgrade_with_login_off() {
  local pkg=$1 uid; uid=$(id -u)
  echo "== upgrade while user $uid has Start at Login off"
  launchctl disable "gui/$uid/$AGENT"
  check "pkg-installs-with-login-off" sudo installer -pkg "$pkg" -target /
  cds_fits "cds-archive-fits-after-upgrade"
  if launchctl print-disabled "gui/$uid" | grep -q "\"$AGENT\" => disabled"; then
    pass "login-off-kept"
  else
    fail "login-off-kept: the upgrade re-enabled $AGENT for $uid"
  fi
  launchctl enable "gui/$uid/$AGENT"
}

installed() {
  local pkg=${1:-}
  echo "== signature and notarization"
  if [ -n "$pkg" ]; then
    check "pkg-gatekeeper" spctl --assess --type install --verbose "$pkg"
    check "pkg-stapled" xcrun stapler validate "$pkg"
    check "pkg-signed" pkgutil --check-signature "$pkg"
  else
    skip "pkg-gatekeeper (no --pkg given)"
  fi
  check "app-gatekeeper" spctl --assess --type execute --verbose "$APP"
  check "app-signature" codesign --verify --deep --strict --verbose=2 "$APP"
  if unzip -Z1 "$APP/Contents/app/usrtask.jar" | grep -q '\.dylib$\|\.jnilib$'; then
    fail "no-native-code-in-jars"
  else
    pass "no-native-code-in-jars"
  fi
  check "entitlements" bash -c "codesign -d --entitlements - '$CLI' 2>/dev/null | grep -q allow-jit"

  echo "== launchd"
  job=$(launchctl print "system/$LABEL" 2>&1)
  if grep -q "state = running" <<<"$job"; then pass "helper-running"; else fail "helper-running"; fi
  if grep -q "inetdCompatibility\|launchproxy" <<<"$job"; then fail "no-inetd"; else pass "no-inetd"; fi
  if grep -q "program = $CLI" <<<"$job"; then pass "runs-the-bundle-launcher"; else fail "runs-the-bundle-launcher"; fi
  [ "$(status_field socketSource)" = launchd ] && pass "socket-from-launch_activate_socket" \
    || fail "socket-from-launch_activate_socket: socketSource is $(status_field socketSource)"
  [ "$(status_field supervisor)" = launchd ] && pass "supervisor-launchd" || fail "supervisor-launchd"
  pid=$(helper_pid)
  if lsof -p "$pid" 2>/dev/null | grep -q "$APP/Contents/Frameworks/libjunixsocket-native.dylib"; then
    pass "junixsocket-from-the-bundle"
  else
    fail "junixsocket-from-the-bundle: the helper did not load $APP/Contents/Frameworks/libjunixsocket-native.dylib"
  fi
  check "activity-monitor-name" bash -c "ps -o comm= -p $pid | grep -q 'MacOS/agentmon\$'"

  echo "== CDS archive (made by the postinstall with the installed runtime)"
  if [ "$(stat -f '%Su:%Sg %Lp' "$JSA" 2>/dev/null)" = "root:wheel 644" ] \
      && [ "$(stat -f '%Su %Lp' "$(dirname "$JSA")" 2>/dev/null)" = "root 755" ]; then
    pass "cds-archive-root-only"
  else
    fail "cds-archive-root-only: $(ls -ld "$(dirname "$JSA")" "$JSA" 2>&1 | tr '\n' ' ')"
  fi
  if sudo vmmap "$pid" 2>/dev/null | grep -qF "$JSA"; then pass "helper-maps-cds-archive"; else fail "helper-maps-cds-archive"; fi
  cds_fits "cds-archive-fits-the-jar"
  check "cli-carries-cds-flag" grep -qF -- "-XX:SharedArchiveFile=$JSA" "$APP/Contents/app/agentmon.cfg"
  check "codesign-intact-after-postinstall" codesign --verify --deep --strict "$APP"

  echo "== restart semantics"
  sudo "$CLI" restart >/dev/null 2>&1
  new=$(await_new_pid "$pid" 30)
  last=$(status_field lastExit)
  if [ -n "$new" ] && [[ "$last" == restarted* ]]; then pass "restart-says-restarted ($last)"; else fail "restart-says-restarted: pid $new, lastExit $last"; fi
  sudo launchctl kickstart -k "system/$LABEL"
  again=$(await_new_pid "$new" 30)
  echo "INFO kickstart -k directly: lastExit is now \"$(status_field lastExit)\" (SIGKILL: expected \"unknown ... killed\")"
  echo "== ThrottleInterval (10 s)"
  t0=$(date +%s); sudo kill -9 "$again"; one=$(await_new_pid "$again" 30); t1=$(date +%s)
  sudo kill -9 "$one"; two=$(await_new_pid "$one" 40); t2=$(date +%s)
  if [ -n "$two" ] && [ $((t2 - t1)) -ge 9 ]; then
    pass "throttle-interval (restarts after $((t1 - t0)) s and $((t2 - t1)) s)"
  else
    fail "throttle-interval: second restart after $((t2 - t1)) s (pid $two)"
  fi

  echo "== logs"
  check "stdout-log" test -f "$LOGS/helper.stdout.log"
  check "newsyslog-entry" bash -c "newsyslog -nvv 2>&1 | grep -q '$LOGS/helper.log'"
  check "doctor" bash -c "'$INSTALLER' doctor | grep -q 'program-trusted'"

  echo "== the menu bar and System Settings (a person looks)"
  [ "$(defaults read "$APP/Contents/Info" LSUIElement 2>/dev/null)" = 1 ] && pass "no-dock-icon-plist" || fail "no-dock-icon-plist"
  if [ -d "$HOME/.openjfx/cache" ]; then fail "javafx-natives-from-the-bundle: ~/.openjfx/cache exists"; else pass "javafx-natives-from-the-bundle"; fi
  ask "menu-bar-icon" "Is the AgentMon icon in the menu bar, with no AgentMon icon in the Dock?"
  ask "template-image" "Does the icon follow the menu bar (dark on a light menu bar, light on a dark one)?"
  ask "retina" "On a Retina display, is the icon sharp (not blurry)?"
  ask "no-deadlock" "Open the menu, then the status window, three times: does it always respond (macOS $(sw_vers -productVersion))?"
  ask "login-items-entry" "In System Settings > General > Login Items, is there one entry named AgentMon (not 'java', not 'usrtask')?"
  echo "Now turn AgentMon off under 'Allow in the Background' in Login Items, then press Enter."
  [ -t 0 ] && read -r _
  echo "INFO print-disabled after the System Settings switch: $(launchctl print-disabled "gui/$(id -u)" | grep "$AGENT")"
  echo "INFO (compare: Background Task Management keeps its own switch; sfltool dumpbtm shows it as root)"
  ask "settings-switch-vs-start-at-login" "Does AgentMon's 'Start at Login' now show off (or managed), matching System Settings?"
  ask "admin-nested-group" "Logged in as an administrator whose admin rights come from a nested or network group, does 'sudo -u <that user> $CLI restart' work?"
}

case "${1:-}" in
  --headless) headless ;;
  --upgrade-with-login-off) upgrade_with_login_off "${2:?PKG}" ;;
  --pkg) installed "${2:?PKG}" ;;
  "") installed ;;
  *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
echo "== $failures failed"
[ "$failures" -eq 0 ]
