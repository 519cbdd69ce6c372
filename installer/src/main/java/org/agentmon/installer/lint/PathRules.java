package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.List;

/**
 * Paths launchd opens or watches must be absolute: launchd does not say what a relative one is
 * relative to, and a job that works from one directory fails from another.
 */
final class PathRules {
  private static final List<String> SINGLE = List.of(
      "StandardInPath", "StandardOutPath", "StandardErrorPath", "WorkingDirectory", "RootDirectory");
  private static final List<String> LISTS = List.of("WatchPaths", "QueueDirectories");

  private PathRules() {}

  static void check(NSDictionary job, List<Finding> out) {
    for (String key : SINGLE) {
      absolute(key, job.get(key), out);
    }
    for (String key : LISTS) {
      if (job.get(key) instanceof NSArray) {
        NSObject[] items = ((NSArray) job.get(key)).getArray();
        for (int i = 0; i < items.length; i++) {
          absolute(key + "[" + i + "]", items[i], out);
        }
      }
    }
    NSObject keepAlive = job.get("KeepAlive");
    if (keepAlive instanceof NSDictionary && ((NSDictionary) keepAlive).get("PathState") instanceof NSDictionary) {
      for (String path : ((NSDictionary) ((NSDictionary) keepAlive).get("PathState")).allKeys()) {
        if (!path.startsWith("/")) {
          out.add(Finding.error("KeepAlive.PathState." + path, "must be an absolute path: \"" + path + "\""));
        }
      }
    }
  }

  private static void absolute(String key, NSObject value, List<Finding> out) {
    if (value instanceof NSString && !((NSString) value).getContent().startsWith("/")) {
      out.add(Finding.error(key, "must be an absolute path: \"" + ((NSString) value).getContent() + "\""));
    }
  }
}
