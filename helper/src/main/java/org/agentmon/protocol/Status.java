package org.agentmon.protocol;

import java.util.Map;

/**
 * The helper's answer to {@code status}, and the params of every {@code status.changed}.
 *
 * @param state what the helper is doing; null when it sent a state this client does not know
 * @param enabled whether the enabled flag is set (the helper runs persistently)
 * @param pid the helper's process id
 * @param instanceId a random id, new for every process start
 * @param version the helper's build version
 * @param buildId the helper's build id
 * @param protocolVersion the protocol version the helper speaks
 * @param startedAt when this process started, ISO-8601 UTC
 * @param socketSource {@code systemd}, {@code launchd}, {@code inherited} or {@code bound}
 * @param supervisor {@code launchd}, {@code systemd} or {@link #UNSUPERVISED}
 * @param clients connected clients, this one included
 * @param caller who is asking, as the helper sees it
 * @param lastExit how the previous run ended, or null when unknown
 * @param startsInLastHour how many times the helper started in the last hour
 * @param reason why the helper is disabled or in safe mode, or null
 * @param problem a problem the helper wants an administrator to see (e.g. a read-only state
 *     directory), or null
 * @param upstream the link to the upstream server, or null when the helper runs no link (safe mode)
 */
public record Status(
    RunState state,
    boolean enabled,
    long pid,
    String instanceId,
    String version,
    String buildId,
    String protocolVersion,
    String startedAt,
    String socketSource,
    String supervisor,
    int clients,
    Caller caller,
    String lastExit,
    int startsInLastHour,
    String reason,
    String problem,
    Upstream upstream) {

  /** {@link #supervisor()} of a helper nothing keeps alive (started by hand). */
  public static final String UNSUPERVISED = "none";

  /** @return this status as a JSON object (null fields are left out) */
  public Map<String, Object> toJson() {
    return Members.nonNull("state", state == null ? null : state.wire(), "enabled", enabled, "pid", pid,
        "instanceId", instanceId, "version", version, "buildId", buildId, "protocolVersion", protocolVersion,
        "startedAt", startedAt, "socketSource", socketSource, "supervisor", supervisor, "clients", clients,
        "caller", caller == null ? null : caller.toJson(), "lastExit", lastExit,
        "startsInLastHour", startsInLastHour, "reason", reason, "problem", problem,
        "upstream", upstream == null ? null : upstream.toJson());
  }

  /**
   * Reads a status from its JSON object; unknown fields are ignored, missing ones get defaults.
   *
   * @param m the object
   * @return the status
   */
  public static Status fromJson(Map<?, ?> m) {
    return new Status(RunState.fromWire(Fields.str(m, "state")), Fields.bool(m, "enabled"), Fields.lng(m, "pid", -1),
        Fields.str(m, "instanceId"), Fields.str(m, "version"), Fields.str(m, "buildId"),
        Fields.str(m, "protocolVersion"), Fields.str(m, "startedAt"), Fields.str(m, "socketSource"),
        Fields.str(m, "supervisor"), (int) Fields.lng(m, "clients", 0),
        Caller.fromJson(Fields.obj(m, "caller")), Fields.str(m, "lastExit"),
        (int) Fields.lng(m, "startsInLastHour", 0), Fields.str(m, "reason"), Fields.str(m, "problem"),
        Upstream.fromJson(Fields.obj(m, "upstream")));
  }

  /**
   * Returns a copy addressed to another caller.
   *
   * @param other the caller
   * @return the copy
   */
  public Status forCaller(Caller other) {
    return new Status(state, enabled, pid, instanceId, version, buildId, protocolVersion, startedAt,
        socketSource, supervisor, clients, other, lastExit, startsInLastHour, reason, problem, upstream);
  }
}
