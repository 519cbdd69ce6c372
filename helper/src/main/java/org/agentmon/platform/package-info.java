/**
 * The product's facts about the machine it is installed on, each written once: which platform this
 * is, the launchd labels and systemd unit names, the system paths (socket, state, logs, preferences),
 * the helper's launch command line and JVM flags, the one way to run a service-manager command, and
 * random ids from the kernel.
 * Helper, installer and app all read them from here. A leaf package: it imports nothing from the
 * project, as Tailscale's {@code paths} package is the one place its paths live.
 */
package org.agentmon.platform;
