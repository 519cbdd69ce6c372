package org.agentmon.daemon;

import com.sun.security.auth.module.UnixSystem;

/** This process's own user id. */
final class Identity {
  private static final long UID = new UnixSystem().getUid();

  private Identity() {}

  static long ownUid() {
    return UID;
  }
}
