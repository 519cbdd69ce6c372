package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agentmon.installer.install.CdsArchive;

/**
 * {@code program-trusted}: root runs the helper's launcher, {@code java} and jar and maps its CDS
 * archive (when there is one), so whoever can write any directory on the way to them (or the
 * files) can run code as root. Every component must belong
 * to root and be writable by nobody else; a component the admin group may write (macOS's
 * {@code /Applications} is root:admin 0775) is a warning: an administrator can become root anyway,
 * but malware running as one could swap the helper without a password prompt.
 */
final class ProgramChecks {
  /** The group that may write /Applications on macOS. */
  static final String ADMIN_GROUP = "admin";

  private ProgramChecks() {}

  /** How one path component may be written. */
  enum Trust { ROOT_ONLY, ADMIN_WRITABLE, OTHERS_WRITABLE }

  /**
   * @param uid the component's owner
   * @param gid its group
   * @param group its group's name
   * @param perms its permissions
   * @param owner the owner expected (root, or ourselves in a staging tree)
   * @return who besides the owner can write it
   */
  static Trust classify(int uid, int gid, String group, Set<PosixFilePermission> perms, int owner) {
    if (uid != owner || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      return Trust.OTHERS_WRITABLE;
    }
    if (perms.contains(PosixFilePermission.GROUP_WRITE) && gid != 0) {
      return ADMIN_GROUP.equals(group) ? Trust.ADMIN_WRITABLE : Trust.OTHERS_WRITABLE;
    }
    return Trust.ROOT_ONLY;
  }

  static CheckResult programTrusted(String name, DoctorContext c) throws IOException {
    List<String> others = new ArrayList<>();
    List<String> admins = new ArrayList<>();
    for (Path p : components(c, List.of(c.layout.helperProgram(), c.layout.java(), c.layout.helperJar(),
        c.layout.cdsArchive()))) {
      PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Trust t = classify(c.uid(p), c.gid(p), a.group().getName(), a.permissions(), c.expectedOwner());
      String line = p + " (" + a.owner().getName() + ":" + a.group().getName() + " "
          + PosixFilePermissions.toString(a.permissions()) + ")";
      if (t == Trust.OTHERS_WRITABLE) {
        others.add(line);
      } else if (t == Trust.ADMIN_WRITABLE) {
        admins.add(line);
      }
    }
    if (!others.isEmpty()) {
      return CheckResult.fail(name, "root runs the helper from a path others can change: " + String.join(", ", others),
          "sudo chown root:wheel PATH && sudo chmod go-w PATH, for each path listed");
    }
    if (!admins.isEmpty()) {
      return CheckResult.warn(name, "the admin group can change the path root runs the helper from: "
          + String.join(", ", admins), "accept it (administrators can become root), or move AgentMon.app where only "
          + "root writes and run: " + c.installer("upgrade --prefix <that place>"));
    }
    return CheckResult.pass(name, "every directory on the way to the helper's program and jar is writable only by root");
  }

  /**
   * {@code cds-archive}: the class-data sharing archive install made is there and the installed
   * runtime maps it for the installed jar; else the helper and the CLI start without it (slower).
   */
  static CheckResult cdsArchive(String name, DoctorContext c) throws IOException {
    String archive = c.layout.cdsArchive();
    if (!c.systemRoot()) {
      return CheckResult.pass(name, "not looked for under " + c.root + ": install makes it on the running system only");
    }
    if (!Files.isRegularFile(c.file(archive), LinkOption.NOFOLLOW_LINKS)) {
      return CheckResult.warn(name, archive + " is missing: the helper and agentmon start without it, slower",
          c.installer("upgrade"));
    }
    if (!CdsArchive.fits(c.layout)) {
      return CheckResult.warn(name, archive + " was made for another jar or runtime, so the JVM ignores it",
          c.installer("upgrade"));
    }
    return CheckResult.pass(name, archive + " fits " + c.layout.helperJar() + ": the helper and agentmon start from it");
  }

  /**
   * @return every existing path component of the files (under the doctor's root), and of the
   *     files they resolve to through symbolic links, each once, root first
   */
  private static Set<Path> components(DoctorContext c, List<String> systemPaths) throws IOException {
    Set<Path> all = new LinkedHashSet<>();
    for (String s : systemPaths) {
      Path f = c.file(s);
      List<Path> chain = new ArrayList<>();
      for (Path p = f; p != null && p.startsWith(c.root) && !p.equals(c.root.getParent()); p = p.getParent()) {
        chain.add(0, p);
      }
      if (Files.exists(f)) {
        Path real = f.toRealPath();
        for (Path p = real; p != null && p.startsWith(c.root.toRealPath()); p = p.getParent()) {
          if (!chain.contains(p)) {
            chain.add(p);
          }
        }
      }
      for (Path p : chain) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          all.add(p);
        }
      }
    }
    return all;
  }
}
