package org.agentmon.installer.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.files.AtomicFiles;
import org.agentmon.installer.render.Modes;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;

/**
 * Carries out (or, in a dry run, only prints) one step at a time, one line per step, so the
 * dry-run plan and the real run print the same lines. Paths are system paths resolved under
 * {@code root}; every change goes through {@link RootPaths#unlinked} (no symbolic link below the
 * root is followed) and every failure names the operation, the path and the OS's reason.
 */
final class Actions {
  private final RootPaths paths;
  private final boolean dryRun;
  private final boolean chownToRoot;
  private final CommandRunner runner;
  private final PrintWriter out;
  /** Directories a dry run has "created", so the plan does not create them twice. */
  private final java.util.Set<Path> planned = new java.util.HashSet<>();

  Actions(Path root, boolean dryRun, boolean chownToRoot, CommandRunner runner, PrintWriter out) {
    this.paths = new RootPaths(root);
    this.dryRun = dryRun;
    this.chownToRoot = chownToRoot;
    this.runner = runner;
    this.out = out;
  }

  /** @return the file behind a system path, for reading (every change goes through the checks below) */
  Path file(String systemPath) {
    return paths.file(systemPath);
  }

  void say(String line) {
    out.println(line);
    out.flush();
  }

  private String owner() {
    return chownToRoot ? "root" : "as-is";
  }

  /**
   * Refuses, before anything changes, when a symbolic link stands anywhere below the root on the
   * way to one of these system paths (see {@link RootPaths}).
   */
  void refuseLinks(List<String> systemPaths) throws InstallException {
    for (String p : systemPaths) {
      paths.unlinked(p);
    }
  }

  /**
   * Creates missing directories up to {@code systemPath}, the last one with {@code mode}; a
   * missing root is created too (0755).
   */
  void mkdirs(String systemPath, int mode) throws IOException {
    Path dir = paths.unlinked(systemPath);
    Path root = paths.root();
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !p.equals(root) && !planned.contains(p) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.add(0, p);
    }
    if (!planned.contains(root) && !Files.exists(root)) {
      missing.add(0, root);
    }
    for (Path p : missing) {
      int m = p.equals(dir) ? mode : 0755;
      say("mkdir " + String.format("%04o", m) + " " + owner() + " " + p);
      planned.add(p);
      if (!dryRun) {
        try {
          Files.createDirectory(p);
        } catch (IOException e) {
          throw IoErrors.failed("create directory", p, e);
        }
        setModeAndOwner(p, m);
      }
    }
  }

  /**
   * Writes a file atomically through {@link AtomicFiles} (temp file in the same directory, never
   * through a link, fsync, rename); the temp file gets its mode and owner before the rename, and the
   * path is checked for links once more right before it.
   */
  void write(String systemPath, byte[] content, int mode) throws IOException {
    Path target = paths.unlinked(systemPath);
    mkdirs(systemPath.substring(0, systemPath.lastIndexOf('/')), 0755);
    say("write " + String.format("%04o", mode) + " " + owner() + " " + target);
    if (dryRun) {
      return;
    }
    try {
      AtomicFiles.write(target, content, tmp -> {
        setModeAndOwner(tmp, mode);
        paths.unlinked(systemPath); // again, right before the rename replaces what is there
      });
    } catch (FileSystemException e) {
      throw e.getOtherFile() != null ? IoErrors.failed("rename " + e.getFile() + " to", target, e)
          : IoErrors.failed("write", target, e);
    } catch (IOException e) {
      throw IoErrors.failed("write", target, e);
    }
  }

  /**
   * Puts a file made elsewhere (in a private work directory on the same file system) in place:
   * mode, owner, no link on the way, atomic rename over what is there.
   */
  void place(Path made, String systemPath, int mode) throws IOException {
    say("write " + String.format("%04o", mode) + " " + owner() + " " + paths.unlinked(systemPath));
    if (dryRun) {
      return;
    }
    setModeAndOwner(made, mode);
    Path target = paths.unlinked(systemPath); // again, right before the rename replaces what is there
    try {
      Files.move(made, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw IoErrors.failed("rename " + made + " to", target, e);
    }
  }

  /** Sets mode and (as root) owner without following a link: the JDK opens the file O_NOFOLLOW. */
  private void setModeAndOwner(Path p, int mode) throws IOException {
    try {
      Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(PosixFilePermissions.fromString(Modes.toString(mode)));
    } catch (IOException e) {
      throw IoErrors.failed("set the mode of", p, e);
    }
    if (chownToRoot) {
      try {
        Files.setAttribute(p, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        throw IoErrors.failed("change the owner of", p, e);
      }
    }
  }

  /** Removes a file if it exists; returns whether there was one. */
  boolean remove(String systemPath) throws IOException {
    Path p = paths.unlinked(systemPath);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    say("remove " + p);
    if (!dryRun) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw IoErrors.failed("remove", p, e);
      }
    }
    return true;
  }

  /**
   * Removes a directory tree. The walk never follows links (a link inside is removed itself,
   * its target stays), and the tree's own path is checked like every other.
   */
  void removeTree(String systemPath) throws IOException {
    Path dir = paths.unlinked(systemPath);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    say("remove -r " + dir);
    if (dryRun) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        throw IoErrors.failed("examine", f, e);
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw IoErrors.failed("list", d, e);
        }
        delete(d);
        return FileVisitResult.CONTINUE;
      }

      private void delete(Path f) throws IOException {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw IoErrors.failed("remove", f, e);
        }
      }
    });
  }

  /** Runs a state-changing command (printed; skipped in a dry run); fails with its output. */
  void run(List<String> command) throws IOException {
    say("run " + String.join(" ", command));
    if (dryRun) {
      return;
    }
    CommandResult r = runner.run(command);
    if (!r.ok()) {
      throw failed(command, r);
    }
  }

  /**
   * Runs a state-changing command (printed; skipped in a dry run) whose failure the caller handles.
   *
   * @return its result, or null in a dry run
   */
  CommandResult attempt(List<String> command) throws IOException {
    say("run " + String.join(" ", command));
    return dryRun ? null : runner.run(command);
  }

  /** @return the error for a failed command: the command, its exit code and its output */
  static InstallException failed(List<String> command, CommandResult r) {
    return new InstallException("failed (exit " + r.exitCode() + "): " + String.join(" ", command)
        + (r.output().isEmpty() ? "" : "\n" + r.output()));
  }

  /** Runs a read-only query, also in a dry run (it changes nothing). */
  CommandResult query(List<String> command) throws IOException {
    return runner.run(command);
  }
}
