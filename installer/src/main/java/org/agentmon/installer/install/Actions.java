package org.agentmon.installer.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.installer.render.Modes;

/**
 * Carries out (or, in a dry run, only prints) one step at a time, one line per step, so the
 * dry-run plan and the real run print the same lines. Paths are system paths resolved under
 * {@code root}.
 */
final class Actions {
  private final Path root;
  private final boolean dryRun;
  private final boolean chownToRoot;
  private final CommandRunner runner;
  private final PrintWriter out;
  private final List<String> lines = new ArrayList<>();
  /** Directories a dry run has "created", so the plan does not create them twice. */
  private final java.util.Set<Path> planned = new java.util.HashSet<>();

  Actions(Path root, boolean dryRun, boolean chownToRoot, CommandRunner runner, PrintWriter out) {
    this.root = root;
    this.dryRun = dryRun;
    this.chownToRoot = chownToRoot;
    this.runner = runner;
    this.out = out;
  }

  /** @return the file behind a system path */
  Path file(String systemPath) {
    return root.resolve(systemPath.substring(1));
  }

  boolean dryRun() {
    return dryRun;
  }

  /** @return every step line printed so far */
  List<String> lines() {
    return List.copyOf(lines);
  }

  void say(String line) {
    lines.add(line);
    out.println(line);
    out.flush();
  }

  private String owner() {
    return chownToRoot ? "root" : "as-is";
  }

  /** Creates missing directories up to {@code systemPath}, the last one with {@code mode}. */
  void mkdirs(String systemPath, int mode) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = file(systemPath); p != null && !p.equals(root) && !planned.contains(p) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      int m = p.equals(file(systemPath)) ? mode : 0755;
      say("mkdir " + String.format("%04o", m) + " " + owner() + " " + p);
      planned.add(p);
      if (!dryRun) {
        Files.createDirectory(p);
        setModeAndOwner(p, m);
      }
    }
  }

  /** Writes a file atomically: temp file in the same directory, fsync, chmod, chown, rename. */
  void write(String systemPath, byte[] content, int mode) throws IOException {
    Path target = file(systemPath);
    mkdirs(systemPath.substring(0, systemPath.lastIndexOf('/')), 0755);
    say("write " + String.format("%04o", mode) + " " + owner() + " " + target);
    if (dryRun) {
      return;
    }
    Path tmp = target.resolveSibling("." + target.getFileName() + ".agentmon-tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(content));
      ch.force(true);
    }
    setModeAndOwner(tmp, mode);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void setModeAndOwner(Path p, int mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Modes.toString(mode)));
    if (chownToRoot) {
      Files.setAttribute(p, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Removes a file if it exists; returns whether there was one. */
  boolean remove(String systemPath) throws IOException {
    Path p = file(systemPath);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    say("remove " + p);
    if (!dryRun) {
      Files.delete(p);
    }
    return true;
  }

  /** Removes a directory that may be empty now; keeps it (silently) when it is not. */
  void removeIfEmpty(String systemPath) throws IOException {
    Path p = file(systemPath);
    if (!dryRun && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException e) {
        // Someone else's files are in it: theirs to keep.
      }
    }
  }

  /** Removes a directory tree (never following links out of it). */
  void removeTree(String systemPath) throws IOException {
    Path dir = file(systemPath);
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
        Files.delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
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
      throw new InstallException("failed (exit " + r.exitCode() + "): " + String.join(" ", command)
          + (r.output().isEmpty() ? "" : "\n" + r.output()));
    }
  }

  /** Runs a read-only query, also in a dry run (it changes nothing). */
  CommandResult query(List<String> command) throws IOException {
    return runner.run(command);
  }
}
