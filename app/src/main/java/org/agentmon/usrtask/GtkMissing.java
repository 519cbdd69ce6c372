package org.agentmon.usrtask;

/**
 * JavaFX on Linux draws with GTK 3; without it, its start fails with "Unable to load glass GTK
 * library". Recognises that failure so UsrTask can say what to install and go on without a window.
 */
final class GtkMissing {
  /** What people read when GTK 3 is missing. */
  static final String MESSAGE = "JavaFX needs GTK 3 (Debian/Ubuntu: apt-get install libgtk-3-0)";

  private GtkMissing() {}

  /**
   * @param failure what starting the UI threw
   * @return whether it, or a cause of it, is JavaFX failing to load GTK
   */
  static boolean explains(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if ((t instanceof UnsupportedOperationException && m.contains("glass GTK"))
          || (t instanceof UnsatisfiedLinkError && m.contains("gtk"))) {
        return true;
      }
    }
    return false;
  }
}
