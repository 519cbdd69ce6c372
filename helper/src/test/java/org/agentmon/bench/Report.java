package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Json;

/** Prints the rows as one Markdown table and writes {@code results.md} and {@code results.json}. */
final class Report {
  private static final String FORMAT = "| %-42s | %12s | %-32s | %10s | %7s | %-22s | %-4s |%n";

  private Report() {}

  static void write(List<Row> rows) throws IOException {
    StringBuilder table = new StringBuilder();
    table.append(String.format(FORMAT, "measurement", "figure", "baseline (same run)", "baseline", "ratio", "target",
        "met"));
    table.append(String.format(FORMAT, "-".repeat(42), "-".repeat(12), "-".repeat(32), "-".repeat(10), "-".repeat(7),
        "-".repeat(22), "-".repeat(4)));
    List<Map<String, Object>> json = new java.util.ArrayList<>();
    for (Row r : rows) {
      table.append(String.format(FORMAT, r.name(), fmt(r.figure()) + " " + r.unit(), r.baselineName(),
          fmt(r.baseline()), fmt(r.ratio()), r.target(), r.met() ? "yes" : "NO"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("figure", num(r.figure()));
      m.put("unit", r.unit());
      m.put("baselineName", r.baselineName());
      m.put("baseline", num(r.baseline()));
      m.put("ratio", num(r.ratio()));
      m.put("target", r.target());
      m.put("met", r.met());
      json.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("machine", machine());
    doc.put("load", load());
    doc.put("rows", json);
    Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    Files.createDirectories(out);
    Files.write(out.resolve("results.json"), Json.line(doc));
    Files.writeString(out.resolve("results.md"), table.toString());
    System.out.println("\n" + machine() + "\nload average at the end: " + load() + "\n" + table);
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.3g", v);
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  /** The 1, 5 and 15 minute load averages: how busy the machine was while the figures were taken. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The machine the figures come from. */
  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException e) {
      // keep "unknown"
    }
    return String.format("%s, %d cores, %s %s, Java %s (%s)", cpu, Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }
}
