package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.installer.render.Modes;

/**
 * What launchd checks before it loads an installed job: the file belongs to root:wheel and is not
 * writable by anyone else, and the program it names exists and is executable.
 */
final class InstalledChecks {
  private InstalledChecks() {}

  static void check(Path file, byte[] content, Path root, List<Finding> out) throws IOException {
    if (Files.isSymbolicLink(file)) {
      out.add(Finding.error("(file)", "is a symbolic link; launchd wants the plist itself in place, owned by root"));
      return;
    }
    int uid = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int gid = (Integer) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    if (uid != 0 || gid != 0) {
      out.add(Finding.error("(owner)", "must be owned by root:wheel (0:0), is " + uid + ":" + gid
          + "; fix: sudo chown root:wheel " + file));
    }
    int mode = Modes.toMode(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    if ((mode & 022) != 0) {
      out.add(Finding.error("(mode)", "is group- or world-writable (" + String.format("%04o", mode)
          + "); launchd refuses it; fix: sudo chmod 644 " + file));
    }
    String[] program = program(content);
    if (program != null) {
      Path p = root.resolve(program[1].substring(1));
      if (!Files.exists(p)) {
        out.add(Finding.error(program[0], "program does not exist: " + p));
      } else if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        out.add(Finding.error(program[0], "program is not an executable file: " + p));
      }
    }
  }

  /** @return {key, absolute program path} or null when there is none to check */
  private static String[] program(byte[] content) {
    try {
      NSObject root = PlistParser.parse(content);
      if (!(root instanceof NSDictionary)) {
        return null;
      }
      NSDictionary job = (NSDictionary) root;
      NSObject program = job.get("Program");
      if (program instanceof NSString) {
        String p = ((NSString) program).getContent();
        return p.startsWith("/") ? new String[] {"Program", p} : null;
      }
      NSObject args = job.get("ProgramArguments");
      if (args instanceof NSArray && ((NSArray) args).count() > 0
          && ((NSArray) args).objectAtIndex(0) instanceof NSString) {
        String p = ((NSString) ((NSArray) args).objectAtIndex(0)).getContent();
        return p.startsWith("/") ? new String[] {"ProgramArguments[0]", p} : null;
      }
      return null;
    } catch (Exception e) { // already reported as a parse error
      return null;
    }
  }
}
