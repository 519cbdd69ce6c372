package org.agentmon.protocol;

import java.util.Map;

/** Typed, lenient reads from a decoded JSON object: a missing or mistyped field gives the default. */
final class Fields {
  private Fields() {}

  static String str(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v instanceof String ? (String) v : null;
  }

  static boolean bool(Map<?, ?> map, String key) {
    return Boolean.TRUE.equals(map.get(key));
  }

  static long lng(Map<?, ?> map, String key, long otherwise) {
    Object v = map.get(key);
    return v instanceof Number ? ((Number) v).longValue() : otherwise;
  }

  static Map<?, ?> obj(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v instanceof Map ? (Map<?, ?>) v : Map.of();
  }
}
