package org.agentmon.usrtask.ui;

/**
 * How often JavaFX wakes up to lay out, animate and draw. On Linux the toolkit's pulse timer is a GTK
 * timeout that never pauses: at the default 60 a second it wakes the app 60 times a second for its
 * whole life, window shown or not, which was most of the hidden app's CPU. 30 a second halves that
 * and is plenty for a status window (no typing, no motion beyond a progress indicator). On macOS the
 * display-driven timer pauses when nothing changes, so the toolkit's own rate stays. A rate given on
 * the command line ({@code -Djavafx.animation.pulse=N}) wins.
 */
final class PulseRate {
  /** JavaFX's system property, read once when the toolkit starts. */
  static final String PROPERTY = "javafx.animation.pulse";
  /** Pulses a second on Linux. */
  static final int LINUX = 30;

  private PulseRate() {}

  /** Sets the rate; call before the toolkit starts. */
  static void choose(boolean mac) {
    if (!mac && System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, Integer.toString(LINUX));
    }
  }
}
