package org.agentmon.installer.doctor;

/** A check's outcome; only FAIL makes {@code doctor} exit 1. */
public enum Verdict {
  /** All good. */
  PASS,
  /** Works, but something deserves a look (or could not be checked here). */
  WARN,
  /** Broken; the fix line says what to do. */
  FAIL
}
