package org.agentmon.daemon;

import java.util.Map;
import org.agentmon.platform.Labels;
import org.agentmon.protocol.Status;

/**
 * Who keeps the helper alive, read from how it got its socket and from the environment each
 * supervisor sets: launchd puts the job's label in {@code XPC_SERVICE_NAME}, so only our own label
 * means launchd runs us (apps started from Finder, the Dock or an IDE's terminal pass on {@code
 * application.<bundle-id>.N}, a Terminal window "0"); systemd sets {@code INVOCATION_ID} for every
 * service and {@code LISTEN_PID} when it passes sockets.
 */
enum Supervisor {
  LAUNCHD("launchd"),
  SYSTEMD("systemd"),
  NONE(Status.UNSUPERVISED);

  final String wire;

  Supervisor(String wire) {
    this.wire = wire;
  }

  static Supervisor detect(Map<String, String> env, String socketSource) {
    if (Labels.HELPER.equals(env.get("XPC_SERVICE_NAME"))) {
      return LAUNCHD;
    }
    if (Listener.SYSTEMD.equals(socketSource) || env.containsKey("INVOCATION_ID")) {
      return SYSTEMD;
    }
    return NONE;
  }
}
