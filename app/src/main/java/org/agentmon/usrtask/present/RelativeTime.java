package org.agentmon.usrtask.present;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times the way people read them next to an event: "just now", "2 min ago", "11:09", "28 Nov 11:09". */
public final class RelativeTime {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss",
      Locale.ENGLISH);

  private RelativeTime() {}

  /**
   * @param t when it happened
   * @param now the current time
   * @param zone the zone to say clock times in
   * @return a short relative time
   */
  public static String say(Instant t, Instant now, ZoneId zone) {
    Duration ago = Duration.between(t, now);
    if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
      return "just now";
    }
    if (ago.compareTo(Duration.ofHours(1)) < 0) {
      return ago.toMinutes() + " min ago";
    }
    boolean sameDay = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (sameDay ? CLOCK : DAY).format(t.atZone(zone));
  }

  /**
   * @param t when it happened
   * @param zone the zone
   * @return the exact time, for a tooltip: "Tuesday 1 December 2026, 11:09:42"
   */
  public static String exact(Instant t, ZoneId zone) {
    return EXACT.format(t.atZone(zone));
  }
}
