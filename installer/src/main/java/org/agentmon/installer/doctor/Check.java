package org.agentmon.installer.doctor;

import java.io.IOException;

/** One doctor check; its name is given by {@link Doctor}'s table, the one place that names each check. */
@FunctionalInterface
interface Check {
  /**
   * @param name the check's name, for its result
   * @return the result, under {@code name}
   */
  CheckResult run(String name, DoctorContext c) throws IOException;
}
