package org.agentmon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Jar;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * A class-data sharing archive made the way the packages make theirs at install (the installer's
 * {@code CdsArchive}), here in the run's temporary directory from the built jar: a training run of
 * a helper and of {@code agentmon status} and {@code status --json} against it, each recording the
 * classes it loads, then one static dump of the merged list. Beside it, junixsocket's library out of
 * the jar, as the Linux package ships it ({@code build-linux.sh}): with both, {@link #with} starts a
 * process as the installed launchers do.
 */
final class CdsArchive {
  private CdsArchive() {}

  /** @return the archive, or null when the JVM made none (the rows that need it are then left out) */
  static Path make(BenchRun run) throws Exception {
    Path work = Files.createDirectories(run.dir.resolve("cds"));
    Path socket = work.resolve("s.sock");
    Path helperList = work.resolve("helper.classlist");
    String jar = Jar.path().toString();
    Process helper = new ProcessBuilder(BenchRun.java("-Xshare:off", "-XX:DumpLoadedClassList=" + helperList, "-jar",
        jar, "daemon", "--socket", socket.toString(), "--state-dir", work.resolve("state").toString(), "--config",
        work.resolve("none.plist").toString(), "--log-file", work.resolve("helper.log").toString()))
        .redirectErrorStream(true).redirectOutput(work.resolve("helper.out").toFile()).start();
    List<Path> lists = new ArrayList<>(List.of(helperList));
    try {
      awaitAnswer(socket);
      for (String json : List.of("", "--json")) {
        Path list = work.resolve("cli" + json + ".classlist");
        List<String> cmd = BenchRun.java("-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-jar", jar, "status",
            "--socket", socket.toString());
        if (!json.isEmpty()) {
          cmd.add(json);
        }
        Measure.timed(cmd);
        lists.add(list);
      }
    } finally {
      helper.destroy(); // SIGTERM: the helper exits normally and its class list is complete
      helper.waitFor(60, TimeUnit.SECONDS);
    }
    Set<String> merged = new LinkedHashSet<>();
    for (Path list : lists) {
      Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
          .forEach(merged::add);
    }
    Path classes = Files.write(work.resolve("agentmon.classlist"), merged, StandardCharsets.UTF_8);
    Path jsa = work.resolve("agentmon.jsa");
    Process dump = new ProcessBuilder(BenchRun.java("-Xshare:dump", "-XX:SharedClassListFile=" + classes,
        "-XX:SharedArchiveFile=" + jsa, "-cp", jar)).redirectErrorStream(true)
        .redirectOutput(work.resolve("dump.log").toFile()).start();
    dump.waitFor(300, TimeUnit.SECONDS);
    if (dump.exitValue() != 0 || !Files.exists(jsa)) {
      return null;
    }
    unpackLibrary(jsa);
    return jsa;
  }

  /**
   * {@code cmd} (java, flags, rest) as the installed launchers run it: with the archive mapped and,
   * when the jar holds one for this machine, junixsocket's library from a file rather than unpacked.
   */
  static List<String> with(Path jsa, List<String> cmd) {
    List<String> out = new ArrayList<>(cmd);
    out.add(1, "-XX:SharedArchiveFile=" + jsa);
    Path lib = library(jsa);
    if (Files.exists(lib)) {
      out.add(2, "-Dorg.newsclub.net.unix.library.override=" + lib);
    }
    return out;
  }

  private static Path library(Path jsa) {
    return jsa.resolveSibling("libjunixsocket-native.so");
  }

  /** Copies the jar's junixsocket library for this CPU beside the archive, if it has one (Linux only). */
  private static void unpackLibrary(Path jsa) throws IOException {
    String cpu = System.getProperty("os.arch"); // amd64, aarch64: junixsocket names its directories the same
    String dir = "lib/" + cpu + "-Linux-clang/jni/libjunixsocket-native-";
    try (ZipFile jar = new ZipFile(Jar.path().toFile())) {
      ZipEntry e = jar.stream().filter(z -> z.getName().startsWith(dir) && z.getName().endsWith(".so")
          && !z.getName().endsWith(".nodeps.so")).findFirst().orElse(null);
      if (e != null) {
        try (InputStream in = jar.getInputStream(e)) {
          Files.copy(in, library(jsa));
        }
      }
    }
  }

  private static void awaitAnswer(Path socket) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (AFUNIXSocket s = RawLines.connect(socket)) {
        RawLines.statusOnce(s);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        HelperProcess.pause(20);
      }
    }
  }
}
