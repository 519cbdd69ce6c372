package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.platform.Platform;

/**
 * The group whose members may administer the helper, resolved from {@code /etc/group}: {@code
 * --admin-group NAME}, else {@code admin} on macOS, else {@code sudo} and then {@code wheel} on Linux.
 */
final class AdminGroup {
  static final Path GROUP_FILE = Path.of("/etc/group");

  private final String name;
  private final long gid;
  private final List<String> members;

  private AdminGroup(String name, long gid, List<String> members) {
    this.name = name;
    this.gid = gid;
    this.members = members;
  }

  /** @return the group, or a group that matches nobody when none of the candidates exists */
  static AdminGroup resolve(String configured) {
    List<String> candidates = configured != null ? List.of(configured)
        : Platform.onMac() ? List.of("admin")
        : List.of("sudo", "wheel");
    List<String> lines;
    try {
      lines = Files.readAllLines(GROUP_FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      lines = List.of();
    }
    for (String want : candidates) {
      for (String line : lines) {
        String[] f = line.split(":", -1);
        if (f.length >= 4 && f[0].equals(want)) {
          try {
            return new AdminGroup(want, Long.parseLong(f[2]), f[3].isEmpty() ? List.of() : List.of(f[3].split(",")));
          } catch (NumberFormatException e) {
            break;
          }
        }
      }
    }
    return new AdminGroup(candidates.get(0), -1, List.of());
  }

  String name() {
    return name;
  }

  long gid() {
    return gid;
  }

  boolean listsMember(String user) {
    return user != null && members.contains(user);
  }
}
