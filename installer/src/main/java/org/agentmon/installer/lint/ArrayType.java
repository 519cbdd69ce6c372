package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSObject;
import java.util.List;

/** An array whose elements all have one type. */
final class ArrayType implements ValueType {
  private final ValueType element;

  ArrayType(ValueType element) {
    this.element = element;
  }

  @Override
  public String describe() {
    return "array of " + element.describe();
  }

  @Override
  public boolean accepts(NSObject value) {
    return value instanceof NSArray;
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    NSObject[] items = ((NSArray) value).getArray();
    for (int i = 0; i < items.length; i++) {
      element.check(key + "[" + i + "]", items[i], out);
    }
  }
}
