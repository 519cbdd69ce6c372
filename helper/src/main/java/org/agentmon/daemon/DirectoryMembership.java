package org.agentmon.daemon;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
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
  static final long COMMAND_TIMEOUT_MILLIS = 2_000;
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,254}");
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryMembership.class);

  private final String id;
  private final String dseditgroup;
  private final LongSupplier clock;
  /** uid to {member (1/0), expiry}: guarded by this. */
  private final Map<Long, long[]> cache = new HashMap<>();

  DirectoryMembership(String id, String dseditgroup, LongSupplier clock) {
    this.id = id;
    this.dseditgroup = dseditgroup;
    this.clock = clock;
  }

  /** @return the macOS tools, or null elsewhere (Linux has /etc/group and /proc) */
  static DirectoryMembership forPlatform() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
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
      Result name = run(List.of(id, "-un", Long.toString(uid)));
      String user = name.out.strip();
      if (name.status != 0 || !ACCOUNT.matcher(user).matches()) {
        return false;
      }
      return run(List.of(dseditgroup, "-o", "checkmember", "-m", user, group)).status == 0;
    } catch (IOException e) {
      LOG.warn("cannot ask Directory Services whether uid {} is in group {}: {}", uid, group, e.getMessage());
      return false;
    }
  }

  private record Result(int status, String out) {}

  private static Result run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (InputStream in = p.getInputStream()) {
      byte[] out = in.readNBytes(4096); // a name is short; never read without bound
      if (!p.waitFor(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
