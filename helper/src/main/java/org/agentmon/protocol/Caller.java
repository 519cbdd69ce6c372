package org.agentmon.protocol;

import java.util.Map;

/**
 * Who is on the other end of a connection, from the kernel's peer credentials, and whether the
 * helper treats them as an administrator.
 *
 * @param uid the peer's user id
 * @param gid the peer's primary group id
 * @param pid the peer's process id, or -1 where the platform does not tell
 * @param admin whether {@code restart}, {@code stop} and {@code start} are allowed
 */
public record Caller(long uid, long gid, long pid, boolean admin) {

  /** @return this caller as a JSON object */
  public Map<String, Object> toJson() {
    return Members.of("uid", uid, "gid", gid, "pid", pid, "admin", admin);
  }

  /**
   * Reads a caller from its JSON object.
   *
   * @param m the object
   * @return the caller
   */
  public static Caller fromJson(Map<?, ?> m) {
    return new Caller(Fields.lng(m, "uid", -1), Fields.lng(m, "gid", -1), Fields.lng(m, "pid", -1),
        Fields.bool(m, "admin"));
  }
}
