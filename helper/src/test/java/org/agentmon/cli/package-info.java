/** Tests of the command line: the daemon's fast path agrees with picocli's definition. */
package org.agentmon.cli;
