package org.agentmon.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.Platform;
import org.agentmon.platform.ProcessCommandRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS: whether a user is in the admin group as Directory Services says, with nested groups and
 * network (directory) accounts, which neither the kernel's group list nor {@code /etc/group} shows:
 * {@code id -un <uid>}, then {@code dseditgroup -o checkmember -m <user> <group>} (exit 0: member).
 * Answers are cached for {@link #TTL_MILLIS} per uid, so a client that reconnects often costs two
 * processes once per period. The uid comes from the kernel; the name is used only if it is a
 * plain account name; nothing from a client is ever part of a command.
 */
final class DirectoryMembership {
  static final long TTL_MILLIS = 30_000;
  /** How long {@code id} or {@code dseditgroup} may take. */
  static final Duration COMMAND_DEADLINE = Duration.ofSeconds(2);
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,254}");
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryMembership.class);

  private final String id;
  private final String dseditgroup;
  private final LongSupplier clock;
  private final CommandRunner runner = new ProcessCommandRunner(COMMAND_DEADLINE);
  /** uid to {member (1/0), expiry}: guarded by this. */
  private final Map<Long, long[]> cache = new HashMap<>();

  DirectoryMembership(String id, String dseditgroup, LongSupplier clock) {
    this.id = id;
    this.dseditgroup = dseditgroup;
    this.clock = clock;
  }

  /** @return the macOS tools, or null elsewhere (Linux has /etc/group and /proc) */
  static DirectoryMembership forPlatform() {
    return Platform.onMac()
        ? new DirectoryMembership("/usr/bin/id", "/usr/sbin/dseditgroup", System::currentTimeMillis) : null;
  }

  synchronized boolean isMember(long uid, String group) {
    long now = clock.getAsLong();
    long[] hit = cache.get(uid);
    if (hit != null && hit[1] > now) {
      return hit[0] == 1;
    }
    boolean member = ask(uid, group);
    cache.put(uid, new long[] {member ? 1 : 0, now + TTL_MILLIS});
    return member;
  }

  private boolean ask(long uid, String group) {
    try {
      CommandResult name = runner.run(List.of(id, "-un", Long.toString(uid)));
      String user = name.output();
      if (!name.ok() || !ACCOUNT.matcher(user).matches()) {
        return false;
      }
      return runner.run(List.of(dseditgroup, "-o", "checkmember", "-m", user, group)).ok();
    } catch (IOException e) {
      LOG.warn("cannot ask Directory Services whether uid {} is in group {}: {}", uid, group, e.getMessage());
      return false;
    }
  }
}
