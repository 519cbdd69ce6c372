package org.agentmon.icons;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The tray icons the tests go through, as arguments for {@code @MethodSource}. */
final class TrayIcons {
  private TrayIcons() {}

  /** @return (state, px) for every state at every size of the coloured tray icons */
  static Stream<Arguments> colour() {
    return statesAndSizes(false);
  }

  /** @return (state, px) for every state at every size of the macOS template tray icons */
  static Stream<Arguments> template() {
    return statesAndSizes(true);
  }

  /** @return (template, px) for both sets of tray icons at each of their sizes */
  static Stream<Arguments> setsAndSizes() {
    return Stream.of(true, false).flatMap(t -> Icons.traySizes(t).stream().map(px -> Arguments.of(t, px)));
  }

  private static Stream<Arguments> statesAndSizes(boolean template) {
    return Arrays.stream(TrayState.values())
        .flatMap(s -> Icons.traySizes(template).stream().map(px -> Arguments.of(s, px)));
  }
}
