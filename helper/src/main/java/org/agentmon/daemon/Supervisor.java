package org.agentmon.daemon;

import java.util.Map;

/**
 * Who keeps the helper alive, read from how it got its socket and from the environment each
 * supervisor sets: launchd puts the job's label in {@code XPC_SERVICE_NAME}; systemd sets {@code
 * INVOCATION_ID} for every service and {@code LISTEN_PID} when it passes sockets.
 */
enum Supervisor {
  LAUNCHD("launchd"),
  SYSTEMD("systemd"),
  NONE("none");

  final String wire;

  Supervisor(String wire) {
    this.wire = wire;
  }

  static Supervisor detect(Map<String, String> env, String socketSource) {
    String xpc = env.get("XPC_SERVICE_NAME");
    if (xpc != null && !xpc.isEmpty() && !"0".equals(xpc)) {
      return LAUNCHD;
    }
    if (Listener.SYSTEMD.equals(socketSource) || env.containsKey("INVOCATION_ID")) {
      return SYSTEMD;
    }
    return NONE;
  }
}
