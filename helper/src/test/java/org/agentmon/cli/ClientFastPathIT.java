package org.agentmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentmon.it.HelperProcess;
import org.agentmon.it.Jar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client fast path against a real helper: the same output and exit code as picocli, and no picocli loaded. */
class ClientFastPathIT {
  @TempDir
  Path dir;

  /** What one command left: its exit code, stdout and stderr. */
  record Outcome(int code, String out, String err) {}

  @Test
  void everySupportedFormAnswersAsPicocliDoes() throws Exception {
    try (HelperProcess h = new HelperProcess(dir.resolve("h")).start()) {
      String s = h.socket.toString();
      for (String[] args : List.of(
          new String[] {"status", "--socket", s},
          new String[] {"status", "--json", "--socket", s},
          new String[] {"status", "--socket=" + s, "--timeout", "3"},
          new String[] {"status", "--timeout=12", "--json", "--socket", s},
          new String[] {"start", "--socket", s},
          new String[] {"start", "--timeout", "7", "--socket=" + s})) {
        assertSame(args);
      }
    }
    String none = dir.resolve("nothing.sock").toString();
    for (String verb : new String[] {"status", "stop"}) {
      Outcome o = assertSame(verb, "--socket", none, "--timeout", "1");
      assertEquals(ExitCodes.NOT_RUNNING, o.code(), o.toString());
    }
    List<Outcome> stops = new ArrayList<>();
    for (boolean fast : new boolean[] {true, false}) {
      try (HelperProcess h = new HelperProcess(dir.resolve("stop-" + fast)).start()) {
        String[] args = {"stop", "--socket", h.socket.toString()};
        stops.add(fast ? fast(args) : picocli(args));
      }
    }
    assertEquals(stops.get(1), stops.get(0));
    assertEquals(ExitCodes.OK, stops.get(0).code(), stops.get(0).toString());
  }

  @Test
  void statusFromTheJarLoadsNoPicocli() throws Exception {
    try (HelperProcess h = new HelperProcess(dir.resolve("h")).start()) {
      Path classes = dir.resolve("classes.log");
      Process p = new ProcessBuilder(Jar.java(), "-Xlog:class+load=info:file=" + classes, "-jar",
          Jar.path().toString(), "status", "--json", "--socket", h.socket.toString()).redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("\"state\":\"running\""), out);
      String loaded = Files.readString(classes);
      assertTrue(loaded.contains("org.agentmon.cli.ClientFastPath"), "the log lists our classes");
      assertFalse(loaded.contains("picocli."), "picocli was loaded for a plain status");
    }
  }

  /** Runs {@code args} both ways and asserts the same outcome; the client count may differ by the one still closing. */
  private static Outcome assertSame(String... args) {
    Outcome viaPicocli = picocli(args);
    Outcome viaFastPath = fast(args);
    assertEquals(normalize(viaPicocli), normalize(viaFastPath), String.join(" ", args));
    return viaFastPath;
  }

  private static Outcome normalize(Outcome o) {
    return new Outcome(o.code(), clients(o.out()), clients(o.err()));
  }

  private static String clients(String text) {
    return text.replaceAll("clients: +\\d+", "clients: N").replaceAll("\"clients\":\\d+", "\"clients\":N");
  }

  private static Outcome fast(String... args) {
    ClientFastPath.Plan plan = ClientFastPath.parse(args);
    assertTrue(plan != null, "the fast path should run " + String.join(" ", args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ClientFastPath.run(plan, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static Outcome picocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
