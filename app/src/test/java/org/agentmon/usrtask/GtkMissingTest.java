package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which failures of JavaFX's start mean "GTK 3 is missing". */
class GtkMissingTest {
  @Test
  void recognisesGlassFailingToLoadGtkAnywhereInTheCauses() {
    Throwable glass = new UnsupportedOperationException("Unable to load glass GTK library.");
    assertEquals(true, GtkMissing.explains(glass));
    assertEquals(true, GtkMissing.explains(new RuntimeException("Application launch exception", glass)));
    assertEquals(true, GtkMissing.explains(new UnsatisfiedLinkError("libgtk-3.so.0: cannot open shared object file")));
  }

  @Test
  void leavesOtherFailuresAlone() {
    assertEquals(false, GtkMissing.explains(new IllegalStateException("Toolkit already initialized")));
    assertEquals(false, GtkMissing.explains(new UnsupportedOperationException("something else")));
    assertEquals(false, GtkMissing.explains(new RuntimeException("glass GTK", null)));
  }
}
