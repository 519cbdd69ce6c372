package org.agentmon.usrtask.ui;

import java.lang.reflect.Field;

/**
 * How many animations the JavaFX toolkit is driving right now: the pulse receivers (Timelines,
 * transitions, a spinner's animation) and animation timers registered with its primary timer.
 * While any is registered, the FX pulse runs 60 times a second. JavaFX has no public API for
 * this; the fields are read by name, and a JavaFX version without them fails the test loudly.
 */
final class FxPulseProbe {
  private FxPulseProbe() {}

  /** @return the animations that keep the pulse going; call on the FX thread */
  static int running() {
    try {
      Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
      return field(timer, "receiversLength") + field(timer, "animationTimersLength");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JavaFX has no primary timer fields to read: " + e, e);
    }
  }

  private static int field(Object timer, String name) throws ReflectiveOperationException {
    Field f = com.sun.scenario.animation.AbstractPrimaryTimer.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.getInt(timer);
  }
}
