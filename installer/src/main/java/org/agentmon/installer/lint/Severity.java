package org.agentmon.installer.lint;

import java.util.Locale;

/** How bad a finding is: errors make launchd refuse or misrun the job; warnings are risky. */
public enum Severity {
  /** launchd would refuse the job or run it wrongly. */
  ERROR,
  /** Legal, but probably not what was meant. */
  WARNING,
  /** Worth knowing, nothing wrong: e.g. an Apple-private key that launchd does honour. */
  NOTE;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
