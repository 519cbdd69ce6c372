package org.agentmon.daemon;

/**
 * How the server loop ended: the process exit code, and whether to start a replacement first.
 *
 * @param code the exit status
 * @param replace whether a standalone helper starts its successor before exiting
 * @param why one line for the log
 */
record Exit(int code, boolean replace, String why) { }
