package org.agentmon.installer.lint;

import com.dd.plist.NSObject;
import java.util.List;
import java.util.stream.Collectors;

/** A value launchd accepts in several kinds, e.g. {@code KeepAlive}: boolean or dictionary. */
final class AnyOfType implements ValueType {
  private final List<ValueType> alternatives;

  AnyOfType(ValueType... alternatives) {
    this.alternatives = List.of(alternatives);
  }

  @Override
  public String describe() {
    return alternatives.stream().map(ValueType::describe).collect(Collectors.joining(" or "));
  }

  @Override
  public boolean accepts(NSObject value) {
    return alternatives.stream().anyMatch(t -> t.accepts(value));
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    alternatives.stream().filter(t -> t.accepts(value)).findFirst().orElseThrow().check(key, value, out);
  }
}
