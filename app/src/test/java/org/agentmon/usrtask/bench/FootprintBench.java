package org.agentmon.usrtask.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentmon.installer.render.UsrTaskLaunch;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's footprint rows: AgentMon's menu-bar app (usrtask.jar, connected to a real helper)
 * beside {@link TrayHelloWorld}, one after the other in each round, both with the app's launch
 * flags ({@link UsrTaskLaunch}), on Xvfb + trayer. Run with the command in docs/performance.md
 * ({@code -Dbench.rounds=3}; {@code -Dbench.flags="..."} tries other flags; {@code -Dbench.defaultFlags=true}
 * adds the app with the JVM's default flags). Writes {@code app/target/bench/footprint.md}.
 */
class FootprintBench {
  @RegisterExtension static final XServer X = new XServer();
  private static final String APP_TITLE = "AgentMon";

  @TempDir Path dir;

  @Test
  void appBesideHelloWorld() throws Exception {
    Gtk3.assumeInstalled();
    Path jar = Path.of(System.getProperty("usrtask.jar", "target/usrtask.jar"));
    assertTrue(Files.isRegularFile(jar), "build usrtask.jar first (mvn package): " + jar);
    int rounds = Integer.getInteger("bench.rounds", 1);
    // 30 s to settle: on a loaded machine the tail of start-up otherwise falls into the idle window.
    Footprint.Timing timing = new Footprint.Timing(Duration.ofSeconds(Long.getLong("bench.settle", 30)),
        Duration.ofSeconds(Long.getLong("bench.window", 30)));
    String flagText = System.getProperty("bench.flags", "");
    List<String> flags = flagText.isBlank() ? UsrTaskLaunch.JVM_FLAGS : Arrays.asList(flagText.trim().split("\\s+"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path hello = helloJar(dir.resolve("tray-hello.jar"));
    String fxPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("javafx-")).collect(Collectors.joining(File.pathSeparator));

    Map<String, List<Footprint>> runs = new LinkedHashMap<>();
    try (HelperProcess helper = new HelperProcess(Files.createDirectories(dir.resolve("helper")), List.of())) {
      helper.start();
      for (int r = 0; r < rounds; r++) {
        runs.computeIfAbsent("hello-world", k -> new ArrayList<>()).add(Footprint.measure(X,
            command(java, flags, "-cp", hello + File.pathSeparator + fxPath, TrayHelloWorld.class.getName()),
            env("hello" + r), dir.resolve("hello" + r + ".out"), TrayHelloWorld.TITLE, timing));
        runs.computeIfAbsent("AgentMon", k -> new ArrayList<>()).add(Footprint.measure(X,
            command(java, flags, "-jar", jar.toString(), "--socket", helper.socket().toString()),
            env("app" + r), dir.resolve("app" + r + ".out"), APP_TITLE, timing));
        if (Boolean.getBoolean("bench.defaultFlags")) {
          runs.computeIfAbsent("AgentMon, default JVM flags", k -> new ArrayList<>()).add(Footprint.measure(X,
              command(java, List.of(), "-jar", jar.toString(), "--socket", helper.socket().toString()),
              env("plain" + r), dir.resolve("plain" + r + ".out"), APP_TITLE, timing));
        }
      }
    }
    String table = table(runs, flags, timing);
    System.out.println(table);
    Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("footprint.md"), table);
  }

  private static List<String> command(String java, List<String> flags, String... rest) {
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(flags);
    cmd.addAll(List.of(rest));
    return cmd;
  }

  /** A home and a private runtime directory each; no session bus, so both use the AWT (XEmbed) tray. */
  private Map<String, String> env(String name) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name + "/run"));
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
    return Map.of("DISPLAY", X.display(), "XDG_RUNTIME_DIR", run.toString(),
        "HOME", Files.createDirectories(dir.resolve(name + "/home")).toString(), "DBUS_SESSION_BUS_ADDRESS", "");
  }

  /** The hello-world's classes from this module's test output, as a jar (JavaFX stays on the class path). */
  private static Path helloJar(Path jar) throws IOException {
    Path classes = Path.of(TrayHelloWorld.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    String pkg = TrayHelloWorld.class.getPackageName().replace('.', '/');
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
        Stream<Path> files = Files.list(classes.resolve(pkg))) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("TrayHelloWorld"))::iterator) {
        j.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return jar;
  }

  private static String table(Map<String, List<Footprint>> runs, List<String> flags, Footprint.Timing t) {
    List<Footprint> app = runs.get("AgentMon");
    List<Footprint> base = runs.get("hello-world");
    StringBuilder s = new StringBuilder("Footprint, " + Instant.now() + ", " + app.size() + " round(s), settle "
        + t.settle().toSeconds() + " s, CPU over " + t.window().toSeconds() + " s, flags: " + String.join(" ", flags)
        + "\n\n| figure | AgentMon | hello-world | ratio | target |\n|---|---|---|---|---|\n");
    row(s, "idle CPU, window hidden (s/min)", app, base, Footprint::hiddenCpuPerMin, "<= 1.00");
    row(s, "idle CPU, window shown (s/min)", app, base, Footprint::shownCpuPerMin, "(reported)");
    row(s, "RSS, window hidden (MiB)", app, base, Footprint::rssMiB, "<= 1.05");
    row(s, "launch to tray icon (ms)", app, base, Footprint::launchMs, "(reported)");
    row(s, "click on the tray icon to window shown (ms)", app, base, Footprint::clickMs, "(reported)");
    for (Map.Entry<String, List<Footprint>> e : runs.entrySet()) {
      s.append("\n").append(e.getKey()).append(": ").append(e.getValue());
    }
    return s.append('\n').toString();
  }

  private static void row(StringBuilder s, String name, List<Footprint> app, List<Footprint> base,
      ToDoubleFunction<Footprint> f, String target) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < app.size(); i++) {
      double b = f.applyAsDouble(base.get(i));
      ratios.add(b == 0 ? Double.NaN : f.applyAsDouble(app.get(i)) / b);
    }
    s.append("| ").append(name).append(" | ").append(range(app.stream().mapToDouble(f).boxed().toList()))
        .append(" | ").append(range(base.stream().mapToDouble(f).boxed().toList())).append(" | ")
        .append(range(ratios)).append(" | ").append(target).append(" |\n");
  }

  private static String range(List<Double> v) {
    double lo = v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return lo == hi ? fmt(lo) : fmt(lo) + "–" + fmt(hi);
  }

  private static String fmt(double d) {
    return Double.isNaN(d) ? "-" : d >= 100 ? String.format("%.0f", d) : String.format("%.3g", d);
  }
}
