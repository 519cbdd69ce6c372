package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentmon.platform.HelperCommand;
import org.agentmon.installer.render.HelperLaunch;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDS archive as install and upgrade make it ({@link CdsArchive#create}, the code postinst's
 * {@code agentmon-installer upgrade} runs), here from the built helper jar and this JDK: the helper
 * and {@code agentmon status} start with it under {@code -Xshare:on} (which refuses to start
 * without a usable archive) and load the helper's own classes from it; with the shipped
 * {@code -Xshare:auto} they still start, with clean output, when it is missing and when the jar
 * changed after it was made; and making it again fits the new jar.
 */
class CdsArchiveIT {
  static final Path BUILT_JAR = Path.of("../helper/target/agentmon.jar");
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;
  Path jar;
  Path archive;
  CdsArchive cds;
  final StringWriter steps = new StringWriter();

  @BeforeEach
  void installedJar() throws IOException {
    assertTrue(Files.isRegularFile(BUILT_JAR), "build the helper jar first: " + BUILT_JAR.toAbsolutePath());
    jar = Files.createDirectories(dir.resolve("app")).resolve("agentmon.jar");
    Files.copy(BUILT_JAR, jar);
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
    archive = cache.resolve("agentmon.jsa");
    cds = new CdsArchive(JAVA, HelperCommand.jvmFlags(), jar.toString(), archive.toString());
  }

  private Actions actions() {
    return new Actions(Path.of("/"), false, false, null, new PrintWriter(steps, true));
  }

  /** The helper's and the CLI's JVM options as shipped, with this test's archive. */
  private List<String> java(String share, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(HelperCommand.jvmFlags());
    cmd.add(share);
    cmd.add("-XX:SharedArchiveFile=" + archive);
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void helperAndCliStartFromTheArchive() throws Exception {
    cds.create(actions());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
    assertTrue(steps.toString().contains("write 0644 as-is " + archive), steps.toString());
    try (Helper h = new Helper("on", "-Xlog:class+load=info:file=" + dir.resolve("classes.log"))) {
      String maps = Files.readString(Path.of("/proc", Long.toString(h.process.pid()), "maps"));
      assertTrue(maps.contains(archive.toString()), "the helper maps the archive");
      Tool.Result status = Tool.run(dir, java("-Xshare:on", "-jar", jar.toString(), "status", "--socket",
          h.socket.toString()));
      assertEquals(0, status.exitCode(), status.output());
      assertTrue(status.output().startsWith("AgentMon helper: running"), status.output());
    }
    String loaded = Files.readString(dir.resolve("classes.log"));
    assertTrue(loaded.contains("org.agentmon.cli.DaemonFastPath source: shared objects file"),
        "the helper's own classes come from the archive");
  }

  @Test
  void helperStartsWithoutTheArchiveWhenItIsMissing() throws Exception {
    assertFalse(cds.usable());
    try (Helper h = new Helper("auto")) {
      assertStatusJson(h);
    }
  }

  @Test
  void helperStartsWhenTheJarChangedAndMakingItAgainFitsTheNewJar() throws Exception {
    cds.create(actions());
    assertTrue(cds.usable());
    // What an upgrade does to the archive's jar: another file at the same path (the JVM compares
    // modification time and size).
    Path newer = dir.resolve("newer.jar");
    Files.copy(jar, newer);
    Files.setLastModifiedTime(newer, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
    Files.move(newer, jar, StandardCopyOption.REPLACE_EXISTING);
    assertFalse(cds.usable(), "the JVM must see the archive as made for another jar");
    Tool.Result refused = Tool.run(dir, java("-Xshare:on", "-jar", jar.toString(), "--version"));
    assertNotEquals(0, refused.exitCode(), refused.output());
    try (Helper h = new Helper("auto")) {
      assertStatusJson(h);
    }
    cds.create(actions());
    assertTrue(cds.usable(), "made again, it fits the new jar");
  }

  /** {@code agentmon status --json} answers with nothing but the JSON on stdout (no JVM warning). */
  private void assertStatusJson(Helper h) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java("-Xshare:auto", "-jar", jar.toString(), "status", "--json", "--socket",
        h.socket.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("{\"state\":\"running\""), out);
  }

  /** A helper with the shipped JVM options binding its own socket, until the socket is there. */
  private final class Helper implements AutoCloseable {
    final Path socket = dir.resolve("s.sock");
    final Process process;

    Helper(String share, String... extra) throws IOException, InterruptedException {
      List<String> cmd = java("-Xshare:" + share);
      cmd.addAll(1, List.of(extra));
      cmd.addAll(List.of("-jar", jar.toString(), "daemon", "--socket", socket.toString(), "--state-dir",
          dir.resolve("state").toString(), "--config", dir.resolve("none.plist").toString(), "--log-file",
          dir.resolve("helper.log").toString()));
      process = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("helper.out").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(socket)) {
        assertTrue(process.isAlive() && System.nanoTime() < deadline,
            "the helper did not start: " + Files.readString(dir.resolve("helper.out")));
        process.waitFor(50, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
