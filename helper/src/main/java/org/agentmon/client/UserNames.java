package org.agentmon.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * User names for the uids in the event log: {@code /etc/passwd}, then {@code id -nu} (macOS
 * keeps its users in Directory Services), else "user 501". Nothing from the event is executed:
 * the uid is a number.
 */
final class UserNames {
  private static final ConcurrentHashMap<Long, String> CACHE = new ConcurrentHashMap<>();

  private UserNames() {}

  static String name(long uid) {
    if (uid == 0) {
      return "root";
    }
    return CACHE.computeIfAbsent(uid, UserNames::lookUp);
  }

  private static String lookUp(long uid) {
    String fromFile = fromPasswd(Path.of("/etc/passwd"), uid);
    if (fromFile != null) {
      return fromFile;
    }
    try {
      Process p = new ProcessBuilder("id", "-nu", Long.toString(uid)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[A-Za-z0-9._-]+")) {
        return out;
      }
    } catch (IOException e) {
      // no id(1): fall through to the number
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "user " + uid;
  }

  static String fromPasswd(Path passwd, long uid) {
    try {
      for (String line : Files.readAllLines(passwd)) {
        String[] f = line.split(":", -1);
        if (f.length > 2 && f[2].equals(Long.toString(uid))) {
          return f[0];
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
