/**
 * Integration tests: the built {@code agentmon.jar} as real processes on real Unix sockets in
 * temporary directories, spoken to with the real protocol.
 */
package org.agentmon.it;
