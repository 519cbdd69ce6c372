package org.agentmon.usrtask.present;

import java.time.Instant;
import java.time.ZoneId;
import org.agentmon.usrtask.live.LinkSnapshot;

/**
 * Everything the {@link Presenter} looks at, at one moment.
 *
 * @param link the link to the helper: its state and the last status
 * @param installed whether the helper's socket exists (no socket: AgentMon isn't installed)
 * @param canLaunchHelper whether this app can start a helper itself (development mode)
 * @param pending what this user just asked for
 * @param since when the helper's situation last changed (stopped, crashed), or null
 * @param supportContact whom read-only users should ask, or null for their IT department
 * @param now the current time
 * @param zone the time zone times are said in
 */
public record Situation(LinkSnapshot link, boolean installed, boolean canLaunchHelper, Pending pending, Instant since,
    String supportContact, Instant now, ZoneId zone) {}
