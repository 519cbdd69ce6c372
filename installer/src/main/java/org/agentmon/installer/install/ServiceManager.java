package org.agentmon.installer.install;

import java.io.IOException;

/** launchd or systemd: the commands around laying out and removing the files. */
interface ServiceManager {
  /** Loads (or reloads) the jobs after the files are in place; {@code upgrade} also restarts a running helper. */
  void activate(ServiceActions a, boolean upgrade) throws IOException;

  /** Stops and unloads the jobs before their files are removed. */
  void deactivate(ServiceActions a) throws IOException;

  /** Anything to do after the files are gone (systemd: daemon-reload). */
  void afterRemoval(ServiceActions a) throws IOException;
}
