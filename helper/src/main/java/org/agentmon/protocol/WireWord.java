package org.agentmon.protocol;

import java.util.Locale;

/**
 * An enum whose constants travel as fixed words on the wire: the constant's name in lower case with
 * dashes ({@code SAFE_MODE} is {@code safe-mode}). Written once here for every state list, so that a
 * state and its word cannot drift apart; the tests pin each word, because older clients know them.
 * Each enum's words are made once, on first use, so that writing and reading a state (several times
 * in every status) allocates nothing.
 */
interface WireWord {
  /** @return the constant's name; every enum has it */
  String name();

  /** @return the constant's position in its enum; every enum has it */
  int ordinal();

  /** @return the enum this constant belongs to; every enum has it */
  Class<?> getDeclaringClass();

  /** @return the word on the wire, e.g. {@code safe-mode} */
  default String wire() {
    return Words.OF.get(getDeclaringClass()).words[ordinal()];
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
    Words table = Words.OF.get(type);
    for (int i = 0; i < table.words.length; i++) {
      if (table.words[i].equals(word)) {
        return type.cast(table.constants[i]);
      }
    }
    return null;
  }

  /** One enum's constants and their words, by ordinal; made once per enum. */
  final class Words {
    static final ClassValue<Words> OF = new ClassValue<>() {
      @Override
      protected Words computeValue(Class<?> type) {
        return new Words(type.getEnumConstants());
      }
    };

    final Object[] constants;
    final String[] words;

    private Words(Object[] constants) {
      this.constants = constants;
      this.words = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        words[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }
  }
}
