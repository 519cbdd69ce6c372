package org.agentmon.installer.doctor;

import java.io.IOException;

/** One named doctor check. */
@FunctionalInterface
interface Check {
  CheckResult run(DoctorContext c) throws IOException;
}
