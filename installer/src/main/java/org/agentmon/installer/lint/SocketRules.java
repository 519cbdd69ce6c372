package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What launchd.plist(5) and the kernel say about {@code Sockets} as a whole, beyond each key's type. */
final class SocketRules {
  /** Directories any local user can write to: a daemon's socket there can be planted or replaced. */
  static final List<String> SHARED_TMP = List.of("/tmp/", "/private/tmp/", "/var/tmp/", "/private/var/tmp/");
  /** {@code sizeof(sun_path)} on macOS ({@code sys/un.h}), including the terminating NUL. */
  static final int SUN_PATH = 104;

  private SocketRules() {}

  static void check(NSDictionary job, List<Finding> out) {
    List<Map.Entry<String, NSDictionary>> socks = sockets(job);
    NSObject inetd = job.get("inetdCompatibility");
    if (inetd != null && socks.isEmpty()) {
      out.add(Finding.error("inetdCompatibility", "set without Sockets: launchd has no socket to hand over"));
    }
    if (inetd instanceof NSDictionary && isTrue(((NSDictionary) inetd).get("Wait")) && socks.size() > 1) {
      out.add(Finding.error("inetdCompatibility.Wait", "true hands over one listening socket on standard input,"
          + " but Sockets has " + socks.size()));
    }
    for (Map.Entry<String, NSDictionary> e : socks) {
      String key = "Sockets." + e.getKey();
      NSObject path = e.getValue().get("SockPathName");
      if (!(path instanceof NSString)) {
        continue;
      }
      String p = ((NSString) path).getContent();
      if (e.getValue().containsKey("SockServiceName")) {
        out.add(Finding.error(key, "SockPathName and SockServiceName together: a socket is either a Unix"
            + " socket (a path) or a network socket (a port), not both"));
      }
      int bytes = p.getBytes(StandardCharsets.UTF_8).length;
      if (bytes >= SUN_PATH) {
        out.add(Finding.error(key + ".SockPathName", "is " + bytes + " bytes; a Unix socket path on macOS holds at most "
            + (SUN_PATH - 1) + " (sun_path is " + SUN_PATH + " bytes with the terminating NUL)"));
      }
      if (!p.startsWith("/")) {
        out.add(Finding.error(key + ".SockPathName", "must be an absolute path: \"" + p + "\""));
      }
      if (SHARED_TMP.stream().anyMatch(p::startsWith)) {
        out.add(Finding.warning(key + ".SockPathName",
            "socket under a shared temporary directory (" + p + ") can be planted or replaced by any local user; use /var/run"));
      }
    }
  }

  /** @return every socket dictionary with its name ({@code Listeners} or {@code Listeners[1]}) */
  private static List<Map.Entry<String, NSDictionary>> sockets(NSDictionary job) {
    List<Map.Entry<String, NSDictionary>> all = new ArrayList<>();
    if (!(job.get("Sockets") instanceof NSDictionary)) {
      return all;
    }
    for (Map.Entry<String, NSObject> e : ((NSDictionary) job.get("Sockets")).entrySet()) {
      if (e.getValue() instanceof NSDictionary) {
        all.add(Map.entry(e.getKey(), (NSDictionary) e.getValue()));
      } else if (e.getValue() instanceof NSArray) {
        NSObject[] items = ((NSArray) e.getValue()).getArray();
        for (int i = 0; i < items.length; i++) {
          if (items[i] instanceof NSDictionary) {
            all.add(Map.entry(e.getKey() + "[" + i + "]", (NSDictionary) items[i]));
          }
        }
      }
    }
    return all;
  }

  private static boolean isTrue(NSObject o) {
    return o instanceof NSNumber && ((NSNumber) o).type() == NSNumber.BOOLEAN && ((NSNumber) o).boolValue();
  }
}
