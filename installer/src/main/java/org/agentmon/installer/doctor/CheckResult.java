package org.agentmon.installer.doctor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's result.
 *
 * @param name the check's kebab-case name, e.g. {@code socket-answers}
 * @param verdict PASS, WARN or FAIL
 * @param message what was found, one line
 * @param fix what to do about it, one line; null for PASS
 */
public record CheckResult(String name, Verdict verdict, String message, String fix) {

  static CheckResult pass(String name, String message) {
    return new CheckResult(name, Verdict.PASS, message, null);
  }

  static CheckResult warn(String name, String message, String fix) {
    return new CheckResult(name, Verdict.WARN, message, fix);
  }

  static CheckResult fail(String name, String message, String fix) {
    return new CheckResult(name, Verdict.FAIL, message, fix);
  }

  /** @return the result as a JSON object for {@code --json} */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("verdict", verdict.name());
    m.put("message", message);
    if (fix != null) {
      m.put("fix", fix);
    }
    return m;
  }
}
