package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agentmon.protocol.Caller;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * Decides, once per connection and from the kernel's peer credentials only, whether the peer is an
 * administrator: root, the helper's own uid, or a member of the admin group (by primary group, by
 * the groups the kernel reports for the peer, by {@code /etc/group}, and on macOS by Directory
 * Services, which knows nested and network groups).
 */
final class Authorizer implements CallerCheck {
  /** User names remembered at most (one per uid that connected; a uid's name is as fixed as the group list). */
  private static final int MAX_NAMES = 4096;

  private final long ownUid;
  private final AdminGroup group;
  /** uid to user name, so that a flood of connections does not read /etc/passwd once each. */
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final DirectoryMembership directory;

  Authorizer(long ownUid, AdminGroup group) {
    this(ownUid, group, DirectoryMembership.forPlatform());
  }

  /** @param directory Directory Services (macOS), asked last; null where there is none */
  Authorizer(long ownUid, AdminGroup group, DirectoryMembership directory) {
    this.ownUid = ownUid;
    this.group = group;
    this.directory = directory;
  }

  @Override
  public Caller authorize(AFUNIXSocketCredentials creds) {
    long uid = creds.getUid();
    long gid = creds.getGid();
    long pid = creds.getPid();
    return new Caller(uid, gid, pid, isAdmin(uid, gid, pid, creds));
  }

  private boolean isAdmin(long uid, long gid, long pid, AFUNIXSocketCredentials creds) {
    if (uid == 0 || uid == ownUid) {
      return true;
    }
    long admin = group.gid();
    if (admin < 0) {
      // Not in /etc/group (macOS keeps groups in Directory Services): only the directory can say.
      return directory != null && directory.isMember(uid, group.name());
    }
    if (gid == admin) {
      return true;
    }
    long[] gids = creds.getGids();
    if (gids != null) {
      for (long g : gids) {
        if (g == admin) {
          return true;
        }
      }
    }
    return inProcessGroups(pid, uid, admin) || group.listsMember(cachedUserName(uid))
        || directory != null && directory.isMember(uid, group.name());
  }

  /** The admin group's member list is read once at start; the names it is matched against need not be fresher. */
  private String cachedUserName(long uid) {
    String name = names.get(uid);
    if (name == null) {
      name = userName(uid);
      if (name != null && names.size() < MAX_NAMES) {
        names.put(uid, name);
      }
    }
    return name;
  }

  /** Linux: the peer's supplementary groups as the kernel holds them, if the pid is still that peer's. */
  private static boolean inProcessGroups(long pid, long uid, long admin) {
    if (pid <= 0) {
      return false;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    boolean sameUser = false;
    boolean member = false;
    for (String line : lines) {
      if (line.startsWith("Uid:")) {
        String[] f = line.substring(4).trim().split("\\s+");
        sameUser = f.length > 0 && f[0].equals(Long.toString(uid));
      } else if (line.startsWith("Groups:")) {
        for (String g : line.substring(7).trim().split("\\s+")) {
          member |= g.equals(Long.toString(admin));
        }
      }
    }
    return sameUser && member;
  }

  private static String userName(long uid) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
        String[] f = line.split(":", -1);
        if (f.length > 2 && f[2].equals(Long.toString(uid))) {
          return f[0];
        }
      }
    } catch (IOException e) {
      // no passwd file: membership by name is unknown
    }
    return null;
  }
}
