/** Tests of the command line: the daemon's fast path agrees with picocli's definition; status wording. */
package org.agentmon.cli;
