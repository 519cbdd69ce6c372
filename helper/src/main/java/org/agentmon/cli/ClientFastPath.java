package org.agentmon.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code agentmon status}, {@code start} and {@code stop} without picocli, the way
 * {@link DaemonFastPath} starts the helper: picocli's classes cost a command more time than talking
 * to the helper. Reads {@code --socket}, {@code --timeout} and (for status) {@code --json}, each at
 * most once, as {@code --name value} or {@code --name=value}; anything else (help, {@code --watch}, an
 * unknown or repeated option, a timeout that is not a positive number) is left to picocli, which
 * explains it. Same output and exit codes as the picocli commands ({@code ClientFastPathIT}).
 */
final class ClientFastPath {
  private static final Set<String> VERBS = Set.of("status", "start", "stop");

  /**
   * A command line this path runs.
   *
   * @param verb {@code status}, {@code start} or {@code stop}
   * @param options {@code --socket} and {@code --timeout}
   * @param json whether {@code status --json} was given
   */
  record Plan(String verb, ClientOptions options, boolean json) {}

  private ClientFastPath() {}

  /** @return what to run, or null when picocli should handle this command line */
  static Plan parse(String[] args) {
    if (args.length == 0 || !VERBS.contains(args[0])) {
      return null;
    }
    ClientOptions options = new ClientOptions();
    boolean json = false;
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!seen.add(name)) {
        return null;
      }
      if ("--json".equals(name) && value == null && "status".equals(args[0])) {
        json = true;
        continue;
      }
      if (!"--socket".equals(name) && !"--timeout".equals(name)) {
        return null;
      }
      if (value == null && i + 1 < args.length) {
        value = args[++i];
      }
      if (value == null || value.isEmpty() || value.startsWith("-")) {
        return null;
      }
      if ("--socket".equals(name)) {
        options.socket = Path.of(value);
      } else if ((options.timeoutSeconds = positive(value)) == null) {
        return null;
      }
    }
    return new Plan(args[0], options, json);
  }

  /** Runs the plan: the exit code, output on {@code out}, a failure's one line on {@code err}. */
  static int run(Plan plan, PrintWriter out, PrintWriter err) {
    boolean start = "start".equals(plan.verb());
    return ClientCall.run(plan.verb(), plan.options(), ClientOptions.DEFAULT_TIMEOUT_SECONDS,
        start ? ControlVerbs.START_CONNECT_RETRY_MILLIS : ClientCall.CONNECT_RETRY_MILLIS, null, err,
        (client, deadline) -> switch (plan.verb()) {
          case "status" -> StatusText.once(client, out, plan.json());
          case "start" -> ControlVerbs.start(client, out);
          default -> ControlVerbs.stop(client, out);
        });
  }

  /** Runs the plan on the process's stdout and stderr, encoded as picocli encodes them. */
  static int run(Plan plan) {
    return run(plan, writer(System.out, "sun.stdout.encoding"), writer(System.err, "sun.stderr.encoding"));
  }

  private static PrintWriter writer(PrintStream stream, String encodingProperty) {
    String name = System.getProperty(encodingProperty);
    Charset cs = name == null ? Charset.defaultCharset()
        : "cp65001".equalsIgnoreCase(name) ? StandardCharsets.UTF_8 : Charset.forName(name);
    return new PrintWriter(new OutputStreamWriter(stream, cs), true);
  }

  /** @return a plain positive number of at most 9 digits; anything else (08, +5, 0x10) is picocli's to read */
  private static Integer positive(String v) {
    if (v.length() > 9 || v.charAt(0) == '0') {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(v);
  }
}
