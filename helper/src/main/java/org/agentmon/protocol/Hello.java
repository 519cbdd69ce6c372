package org.agentmon.protocol;

import java.util.Map;

/**
 * The helper's answer to {@code hello}.
 *
 * @param version the helper's build version
 * @param buildId the helper's build id (changes with every build)
 * @param protocolVersion the protocol version the helper speaks
 * @param pid the helper's process id
 * @param instanceId a random id, new for every process start
 */
public record Hello(String version, String buildId, String protocolVersion, long pid, String instanceId) {

  /** @return this answer as a JSON object */
  public Map<String, Object> toJson() {
    return Members.of("version", version, "buildId", buildId, "protocolVersion", protocolVersion, "pid", pid,
        "instanceId", instanceId);
  }

  /**
   * Reads an answer from its JSON object.
   *
   * @param m the object
   * @return the answer
   */
  public static Hello fromJson(Map<?, ?> m) {
    return new Hello(Fields.str(m, "version"), Fields.str(m, "buildId"), Fields.str(m, "protocolVersion"),
        Fields.lng(m, "pid", -1), Fields.str(m, "instanceId"));
  }
}
