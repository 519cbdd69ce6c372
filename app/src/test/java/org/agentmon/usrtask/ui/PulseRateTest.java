package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PulseRate}: 30 pulses a second on Linux, the toolkit's own on macOS, and a given rate wins. */
class PulseRateTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(PulseRate.PROPERTY);
    System.clearProperty(PulseRate.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(PulseRate.PROPERTY);
    } else {
      System.setProperty(PulseRate.PROPERTY, saved);
    }
  }

  @Test
  void linuxGetsThirtyPulsesASecond() {
    PulseRate.choose(false);
    assertEquals("30", System.getProperty(PulseRate.PROPERTY));
  }

  @Test
  void macOsKeepsTheToolkitsRate() {
    PulseRate.choose(true);
    assertNull(System.getProperty(PulseRate.PROPERTY));
  }

  @Test
  void aRateGivenOnTheCommandLineWins() {
    System.setProperty(PulseRate.PROPERTY, "60");
    PulseRate.choose(false);
    assertEquals("60", System.getProperty(PulseRate.PROPERTY));
  }
}
