/**
 * {@code doctor}: named checks over an installation (files, owners, program, socket, the live
 * helper, the service manager's view), all run, each PASS/WARN/FAIL with a one-line fix.
 */
package org.agentmon.installer.doctor;
