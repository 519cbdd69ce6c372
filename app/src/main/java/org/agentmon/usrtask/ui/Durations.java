package org.agentmon.usrtask.ui;

import java.time.Duration;

/** Formats an uptime the way people read it: {@code 3d 04:05:06}, {@code 01:02:03}. */
final class Durations {
  private Durations() {}

  static String uptime(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    String hms = String.format("%02d:%02d:%02d", (s % 86_400) / 3600, (s % 3600) / 60, s % 60);
    return days > 0 ? days + "d " + hms : hms;
  }
}
