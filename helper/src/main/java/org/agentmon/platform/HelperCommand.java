package org.agentmon.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The helper's command line, built in one place for every launcher: the installed job (plist,
 * unit, bundle launcher), a standalone helper's successor, the app's development helper and the
 * tests. The JVM flags come from one resource, {@code org/agentmon/helper-jvm-flags.txt}, which
 * the benchmark measures; {@link #jvmFlags()} is the only reader of it.
 */
public final class HelperCommand {
  /** The helper's main class, for a class-path launch. */
  public static final String MAIN_CLASS = "org.agentmon.cli.Main";
  /** The verb that runs the helper itself. */
  private static final String DAEMON = "daemon";
  private static final String FLAGS = "/org/agentmon/helper-jvm-flags.txt";

  private final List<String> argv = new ArrayList<>();

  private HelperCommand(String program) {
    argv.add(program);
  }

  /**
   * @param java the {@code java} executable
   * @return a command that starts that JVM
   */
  public static HelperCommand java(String java) {
    return new HelperCommand(java);
  }

  /** @return a command that starts the JVM this process runs on */
  public static HelperCommand thisJava() {
    return java(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * @param program a native launcher that brings its own JVM options and jar (the macOS bundle's)
   * @return a command that starts it
   */
  public static HelperCommand launcher(String program) {
    return new HelperCommand(program);
  }

  /**
   * The JVM flags the installed helper runs with. Cold start matters more than throughput: the
   * serial collector and C1 only start fastest; {@code -Xshare:auto} uses the JDK's CDS archive.
   * Idle footprint: no perf-data sampling, a small young generation (RSS), and the JVM's
   * monitor-deflation and safepoint housekeeping every 5 s instead of every 0.25/1 s (idle CPU
   * under 0.05 s per minute); the heap that a burst of unread output grew shrinks back at the
   * helper's next full collection, not in steps over several.
   *
   * @return the flags the installed helper runs with and the benchmark measures, in order
   * @throws IllegalStateException if the flags resource is missing from the class path
   */
  public static List<String> jvmFlags() {
    return Flags.LIST;
  }

  /**
   * @param options JVM options, in order
   * @return this command
   */
  public HelperCommand jvm(List<String> options) {
    argv.addAll(options);
    return this;
  }

  /**
   * @param classPath the class path that holds the helper
   * @return this command, running the helper's main class from it
   */
  public HelperCommand classPath(String classPath) {
    argv.addAll(List.of("-cp", classPath, MAIN_CLASS));
    return this;
  }

  /**
   * @param jar the helper's runnable jar
   * @return this command, running that jar
   */
  public HelperCommand jar(String jar) {
    argv.addAll(List.of("-jar", jar));
    return this;
  }

  /**
   * @param args the daemon's options
   * @return the full argv, program first: {@code ... daemon args...}
   */
  public List<String> daemon(List<String> args) {
    List<String> all = new ArrayList<>(argv);
    all.add(DAEMON);
    all.addAll(args);
    return List.copyOf(all);
  }

  /**
   * @param args the daemon's options
   * @return the full argv, program first
   */
  public List<String> daemon(String... args) {
    return daemon(Arrays.asList(args));
  }

  /** Reads the flags once, on first use (the helper's own start never needs them). */
  private static final class Flags {
    static final List<String> LIST = read();

    private static List<String> read() {
      try (InputStream in = HelperCommand.class.getResourceAsStream(FLAGS)) {
        if (in == null) {
          throw new IllegalStateException(FLAGS + " is missing from the class path");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
            .filter(l -> !l.isEmpty()).toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FLAGS, e);
      }
    }
  }
}
