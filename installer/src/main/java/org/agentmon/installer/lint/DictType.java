package org.agentmon.installer.lint;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary: either with documented keys (others are warned about, with a "did you mean"),
 * or with free keys whose values all have one type (e.g. {@code EnvironmentVariables}).
 */
final class DictType implements ValueType {
  private final Map<String, ValueType> fields;
  private final ValueType anyKeyValue;

  private DictType(Map<String, ValueType> fields, ValueType anyKeyValue) {
    this.fields = fields;
    this.anyKeyValue = anyKeyValue;
  }

  /** @param keysAndTypes alternating key names and {@link ValueType}s */
  static DictType of(Object... keysAndTypes) {
    Map<String, ValueType> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      if (m.put((String) keysAndTypes[i], (ValueType) keysAndTypes[i + 1]) != null) {
        throw new IllegalArgumentException("key listed twice: " + keysAndTypes[i]);
      }
    }
    return new DictType(Map.copyOf(m), null);
  }

  /** A dictionary with free keys whose values are all of {@code valueType}. */
  static DictType mapOf(ValueType valueType) {
    return new DictType(Map.of(), valueType);
  }

  Map<String, ValueType> fields() {
    return fields;
  }

  @Override
  public String describe() {
    return "dictionary";
  }

  @Override
  public boolean accepts(NSObject value) {
    return value instanceof NSDictionary;
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    for (Map.Entry<String, NSObject> e : ((NSDictionary) value).entrySet()) {
      String path = key.isEmpty() ? e.getKey() : key + "." + e.getKey();
      ValueType t = anyKeyValue != null ? anyKeyValue : fields.get(e.getKey());
      if (t != null) {
        t.check(path, e.getValue(), out);
      } else {
        String guess = DidYouMean.closest(e.getKey(), fields.keySet());
        out.add(Finding.warning(path, "unknown key"
            + (guess == null ? "; launchd ignores it" : "; did you mean " + guess + "?")));
      }
    }
  }
}
