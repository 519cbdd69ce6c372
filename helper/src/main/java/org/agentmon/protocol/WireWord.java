package org.agentmon.protocol;

import java.util.Locale;

/**
 * An enum whose constants travel as fixed words on the wire: the constant's name in lower case with
 * dashes ({@code SAFE_MODE} is {@code safe-mode}). Written once here for every state list, so that a
 * state and its word cannot drift apart; the tests pin each word, because older clients know them.
 */
interface WireWord {
  /** @return the constant's name; every enum has it */
  String name();

  /** @return the word on the wire, e.g. {@code safe-mode} */
  default String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a word from the wire.
   *
   * @param type the enum
   * @param word the word, or null
   * @param <E> the enum's type
   * @return its constant, or null when the word is missing or unknown (a newer peer's)
   */
  static <E extends Enum<E> & WireWord> E fromWire(Class<E> type, String word) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(word)) {
        return e;
      }
    }
    return null;
  }
}
