/** The {@code agentmon} command line: the daemon and the client commands, with LSB-style exit codes. */
package org.agentmon.cli;
