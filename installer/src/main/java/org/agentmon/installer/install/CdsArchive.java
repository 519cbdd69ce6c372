package org.agentmon.installer.install;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agentmon.platform.HelperCommand;
import org.agentmon.installer.render.HelperLaunch;
import org.agentmon.installer.render.Layout;

/**
 * Makes the class-data sharing archive the helper and the CLI map at start ({@code
 * -XX:SharedArchiveFile}, with {@code -Xshare:auto}: a missing archive, or one made for another
 * jar or runtime, is ignored by the JVM). It must be made by the installed runtime for the
 * installed jar's path, so the installer makes it at install and upgrade: a training run records
 * the classes a helper loads to its first answers and those of {@code agentmon status} and
 * {@code status --json} against it ({@code -XX:DumpLoadedClassList}), then one static dump
 * ({@code -Xshare:dump}; the packages' trimmed runtimes have no JDK archive a dynamic one could
 * sit on), a check that the JVM maps it ({@code -Xshare:on}), and an atomic rename.
 *
 * <p>The helper runs as root with it: it lives in a root-owned directory only root can write, the
 * work happens in a private (0700) directory beside it, and the training helper binds its own
 * socket there, with its own state directory and no configuration (no upstream, no real state).
 */
public final class CdsArchive {
  /** Mode of the archive: every user's CLI reads it, only root writes it. */
  static final int ARCHIVE_MODE = 0644;
  static final long START_SECONDS = 60;
  static final long DUMP_SECONDS = 300;

  private final String java;
  private final List<String> jvmOptions;
  private final String jar;
  private final String archive;

  /**
   * @param java the runtime that will map the archive
   * @param jvmOptions the helper's JVM flags and the system properties its launcher adds
   * @param jar the helper's jar, by the path the helper and the CLI run it from
   * @param archive where the archive goes (a system path); its directory must exist and be root's
   */
  CdsArchive(String java, List<String> jvmOptions, String jar, String archive) {
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.jar = jar;
    this.archive = archive;
  }

  /** @return the archive of the installed product (runtime, jar and archive paths from the layout) */
  static CdsArchive of(Layout layout) {
    List<String> options = new ArrayList<>(HelperCommand.jvmFlags());
    options.addAll(HelperLaunch.launcherProperties(layout));
    return new CdsArchive(layout.java(), options, layout.helperJar(), layout.cdsArchive());
  }

  /**
   * The install and upgrade step: makes the archive when installing into {@code /} (the installed
   * runtime and jar paths are what the JVM checks); {@code onlyIfUnusable} keeps one that the JVM
   * maps. A failure is a warning: the helper and the CLI start without the archive.
   *
   * @param a the installer's actions (prints the step; a dry run changes nothing)
   * @param target what is installed where
   * @param dryRun print the step only
   * @param onlyIfUnusable leave an archive that the JVM maps
   * @throws IOException if the archive's directory cannot be made safe
   */
  static void lay(Actions a, InstallTarget target, boolean dryRun, boolean onlyIfUnusable) throws IOException {
    Layout layout = target.layout();
    String skip = !target.isSystemRoot() ? "made by the installed runtime when installing into /"
        : !Files.isRegularFile(a.file(layout.java())) || !Files.isRegularFile(a.file(layout.helperJar()))
        ? "no installed runtime and jar in " + layout.prefix() : null;
    if (skip != null) {
      if (!onlyIfUnusable) { // an up-to-date upgrade prints nothing about it
        a.say("skip CDS archive " + layout.cdsArchive() + " (" + skip + ")");
      }
      return;
    }
    CdsArchive cds = of(layout);
    if (onlyIfUnusable && cds.usable()) {
      return;
    }
    rootOnlyDir(a, layout.cacheDir(), dryRun);
    a.say("make CDS archive " + layout.cdsArchive() + " (training run of " + layout.helperJar() + ")");
    if (dryRun) {
      return;
    }
    try {
      cds.create(a);
    } catch (IOException e) {
      a.remove(layout.cdsArchive()); // one for another jar would be ignored anyway; doctor reports it missing
      a.say("warning: no CDS archive (the helper and the CLI start without it, a little slower): " + e.getMessage());
    }
  }

  /** Makes the directory root's and writable by root only, replacing one someone else could write. */
  private static void rootOnlyDir(Actions a, String dir, boolean dryRun) throws IOException {
    Path d = a.file(dir);
    if (!dryRun && Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      int uid = (Integer) Files.getAttribute(d, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(d, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (uid != 0 || (mode & 0022) != 0 || !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        a.say("not root's alone: " + d);
        a.removeTree(dir);
      }
    }
    a.mkdirs(dir, Installer.DIR_MODE);
  }

  /**
   * Makes the archive, replacing an old one atomically.
   *
   * @param a puts the archive in place (the no-link rule, mode, owner)
   * @throws IOException if a step fails (the old archive, if any, is left as it was)
   */
  void create(Actions a) throws IOException {
    // The one place outside Actions that changes files: this private directory, which it made.
    Path work = Files.createTempDirectory(a.file(archive).getParent(), ".cds-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path classes = train(work);
      Path made = work.resolve("agentmon.jsa");
      await(command(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + made,
          "-cp", jar)), work.resolve("dump.log"), DUMP_SECONDS);
      if (!usable(made)) {
        throw new IOException("the JVM does not map the archive it just made: " + made);
      }
      a.place(made, archive, ARCHIVE_MODE);
    } finally {
      removeTree(work);
    }
  }

  /**
   * @param layout the installed product (on the running system)
   * @return true if its archive exists and its runtime maps it for its jar ({@code -Xshare:on})
   * @throws IOException if the runtime cannot be run
   */
  public static boolean fits(Layout layout) throws IOException {
    return Files.isRegularFile(Path.of(layout.java())) && of(layout).usable();
  }

  /** @return true if the installed archive exists and the JVM maps it for this jar and runtime */
  boolean usable() throws IOException {
    Path p = Path.of(archive);
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && usable(p);
  }

  private boolean usable(Path jsa) throws IOException {
    List<String> check = new ArrayList<>(List.of(java));
    check.addAll(jvmOptions);
    check.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", jar, "--version"));
    Process p = new ProcessBuilder(check).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    return finished(p, START_SECONDS, check) == 0;
  }

  /** Runs the training helper and CLI commands; @return the merged class list */
  private Path train(Path work) throws IOException {
    Path socket = work.resolve("s.sock");
    Path helperList = work.resolve("helper.classlist");
    Process helper = start(command(List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + helperList, "-jar", jar,
        "daemon", "--socket", socket.toString(), "--state-dir", work.resolve("state").toString(),
        "--config", work.resolve("none.plist").toString(), "--log-file", work.resolve("helper.log").toString())),
        work.resolve("helper.out"));
    List<Path> lists = new ArrayList<>(List.of(helperList));
    try {
      awaitSocket(helper, socket, work);
      for (String json : List.of("", "--json")) {
        Path list = work.resolve("cli" + json + ".classlist");
        List<String> args = new ArrayList<>(List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-jar", jar,
            "status", "--socket", socket.toString()));
        if (!json.isEmpty()) {
          args.add(json);
        }
        await(command(args), work.resolve("cli.out"), START_SECONDS);
        lists.add(list);
      }
    } finally {
      helper.destroy(); // SIGTERM: the helper exits normally and its class list is complete
      finished(helper, START_SECONDS, List.of("the training helper"));
    }
    Set<String> merged = new LinkedHashSet<>();
    for (Path list : lists) {
      try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
        lines.filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(merged::add);
      }
    }
    Path classes = work.resolve("agentmon.classlist");
    Files.write(classes, merged, StandardCharsets.UTF_8);
    return classes;
  }

  private List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvmOptions);
    cmd.addAll(args);
    return cmd;
  }

  private static Process start(List<String> cmd, Path output) throws IOException {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }

  /** Runs a step to its end; fails with its command and the end of its output unless it exits 0. */
  private static void await(List<String> cmd, Path output, long seconds) throws IOException {
    int code = finished(start(cmd, output), seconds, cmd);
    if (code != 0) {
      throw new IOException("failed (exit " + code + "): " + String.join(" ", cmd) + "\n" + tail(output));
    }
  }

  private static void awaitSocket(Process helper, Path socket, Path work) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    try {
      while (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
        if (!helper.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("the training helper did not bind " + socket + " within " + START_SECONDS + " s\n"
              + tail(work.resolve("helper.out")) + tail(work.resolve("helper.log")));
        }
        helper.waitFor(50, TimeUnit.MILLISECONDS); // returns at once when it exits
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the training helper started", e);
    }
  }

  private static int finished(Process p, long seconds, List<String> cmd) throws IOException {
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + seconds + " s: " + String.join(" ", cmd));
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(" + output + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Removes the private work directory (ours, 0700: nobody else can have put a link there). */
  private static void removeTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
