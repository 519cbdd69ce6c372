package org.agentmon.installer.doctor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.platform.CommandRunner;
import org.agentmon.protocol.Json;

/** Runs every named check, in a fixed order, and reports them all. */
public final class Doctor {
  /** The checks by name, in the order they run and print. */
  static final Map<String, Check> CHECKS = table();

  private final DoctorContext context;

  /** @return the names of every check, in the order they run */
  public static List<String> checkNames() {
    return List.copyOf(CHECKS.keySet());
  }

  /**
   * @param target the root to examine ({@code /} for the running system), the layout, the bundled
   *     version, and whether launchctl/systemctl may be asked
   * @param runner runs launchctl/systemctl queries
   * @param host what this machine offers
   */
  public Doctor(InstallTarget target, CommandRunner runner, Host host) {
    Path socket = target.root().resolve(target.layout().socket().substring(1));
    this.context = new DoctorContext(target, runner, host, () -> HelperProbe.ask(socket));
  }

  private static Map<String, Check> table() {
    Map<String, Check> m = new LinkedHashMap<>();
    m.put("plist-lint", FileChecks::plistLint);
    m.put("plist-ownership", FileChecks::ownership);
    m.put("program-exists", FileChecks::programExists);
    m.put("program-trusted", ProgramChecks::programTrusted);
    m.put("cds-archive", ProgramChecks::cdsArchive);
    m.put("socket-dir-safe", SocketChecks::socketDirSafe);
    m.put("socket-answers", SocketChecks::socketAnswers);
    m.put("helper-version", SocketChecks::helperVersion);
    m.put("job-loaded", ServiceChecks::jobLoaded);
    m.put("job-disabled", ServiceChecks::jobDisabled);
    m.put("crash-loop", SocketChecks::crashLoop);
    m.put("enabled-flag", StateChecks::enabledFlag);
    m.put("config-private", ConfigChecks::configPrivate);
    m.put("login-item", FileChecks::loginItem);
    return Collections.unmodifiableMap(m);
  }

  /** @return every check's result, in order; a check that throws is a FAIL naming the error */
  public List<CheckResult> run() {
    List<CheckResult> results = new ArrayList<>();
    for (Map.Entry<String, Check> e : CHECKS.entrySet()) {
      CheckResult r;
      try {
        r = e.getValue().run(e.getKey(), context);
      } catch (Exception ex) { // one broken check must not hide the others
        r = CheckResult.fail(e.getKey(), "the check itself failed: " + ex, "report this with the doctor output");
      }
      if (!r.name().equals(e.getKey())) {
        throw new IllegalStateException("check " + e.getKey() + " reported as " + r.name());
      }
      results.add(r);
    }
    return results;
  }

  /**
   * @param results the results
   * @return 0 when nothing FAILed, else 1
   */
  public static int exitCode(List<CheckResult> results) {
    return results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL) ? 1 : 0;
  }

  /**
   * Prints one line per check ({@code PASS name: message}) and, below a WARN or FAIL, its fix;
   * or a JSON array with {@code json}.
   *
   * @param results the results
   * @param out where to print
   * @param json print JSON for tools
   */
  public static void print(List<CheckResult> results, PrintWriter out, boolean json) {
    if (json) {
      List<Object> list = new ArrayList<>();
      results.forEach(r -> list.add(r.toJson()));
      out.println(Json.toText(list));
    } else {
      for (CheckResult r : results) {
        out.println(String.format("%-4s %-16s %s", r.verdict(), r.name(), r.message()));
        if (r.fix() != null) {
          out.println(String.format("%-4s %-16s fix: %s", "", "", r.fix()));
        }
      }
    }
    out.flush();
  }
}
