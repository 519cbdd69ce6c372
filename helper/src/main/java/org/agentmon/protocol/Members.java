package org.agentmon.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a record's JSON object: its members in the order written, which is the order on the wire. */
final class Members {
  private Members() {}

  /**
   * @param namesAndValues name, value, name, value, ...
   * @return the members, in that order
   */
  static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /**
   * @param namesAndValues name, value, name, value, ...
   * @return the members in that order, the null ones left out
   */
  static Map<String, Object> nonNull(Object... namesAndValues) {
    Map<String, Object> m = of(namesAndValues);
    m.values().removeIf(v -> v == null);
    return m;
  }
}
