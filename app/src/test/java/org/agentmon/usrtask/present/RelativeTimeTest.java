package org.agentmon.usrtask.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Recent activity says times relative to now, and the exact time on hover. */
class RelativeTimeTest {
  private static final Instant NOW = Instant.parse("2026-12-01T11:20:00Z");

  private static String say(String t) {
    return RelativeTime.say(Instant.parse(t), NOW, ZoneOffset.UTC);
  }

  @Test
  void recentIsRelativeOlderIsAClockTime() {
    assertEquals("just now", say("2026-12-01T11:19:30Z"));
    assertEquals("2 min ago", say("2026-12-01T11:18:00Z"));
    assertEquals("59 min ago", say("2026-12-01T10:21:00Z"));
    assertEquals("09:05", say("2026-12-01T09:05:00Z"));
    assertEquals("28 Nov 11:09", say("2026-11-28T11:09:00Z"));
  }

  @Test
  void exactTimeForTheTooltip() {
    assertEquals("Tuesday 1 December 2026, 11:09:42",
        RelativeTime.exact(Instant.parse("2026-12-01T11:09:42Z"), ZoneOffset.UTC));
  }
}
