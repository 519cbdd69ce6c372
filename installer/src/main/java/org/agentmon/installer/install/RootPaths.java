package org.agentmon.installer.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The installer's system paths under {@code --root}, and the rule that it never follows a
 * symbolic link below the root: every existing component of a path it creates, writes,
 * replaces or deletes (the file itself included) must be a real directory or file. A link
 * there would carry root's writes and deletions into wherever it points. The root itself is
 * the administrator's choice and may be a link.
 *
 * @param root the root ({@code /} for the running system)
 */
record RootPaths(Path root) {
  /** @return the file behind a system path, unchecked (for reading) */
  Path file(String systemPath) {
    return root.resolve(systemPath.substring(1));
  }

  /**
   * @param systemPath an absolute system path
   * @return the file behind it, once no existing component below the root is a symbolic link
   * @throws InstallException naming the link, or the component that cannot be examined
   */
  Path unlinked(String systemPath) throws InstallException {
    Path target = file(systemPath);
    Path p = root;
    for (Path name : root.relativize(target)) {
      p = p.resolve(name);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return target; // nothing further exists yet, so nothing further can be a link
      } catch (IOException e) {
        throw IoErrors.failed("examine", p, e);
      }
      if (a.isSymbolicLink()) {
        throw new InstallException("refusing to follow the symbolic link " + p + " (-> " + linkText(p)
            + "): the installer never writes or deletes through a link; replace it with a real "
            + (p.equals(target) ? "file" : "directory") + " or remove it");
      }
      if (!a.isDirectory() && !p.equals(target)) {
        throw new InstallException("cannot reach " + target + ": " + p + " is not a directory");
      }
    }
    return target;
  }

  private static String linkText(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }
}
