package org.agentmon.bench;

import java.io.IOException;
import org.agentmon.it.HelperProcess;

/**
 * Row 5: a helper with no client at all, started at the beginning of the run; after at least 60 s
 * (the other rows run meanwhile, in other processes) its RSS and CPU time per minute, beside an
 * echo server started at the same moment.
 */
final class IdleFigures {
  private final HelperProcess helper;
  private final Process echo;
  private final long start = System.nanoTime();
  private final double helperCpu0;
  private final double echoCpu0;

  private IdleFigures(HelperProcess helper, Process echo) throws IOException {
    this.helper = helper;
    this.echo = echo;
    this.helperCpu0 = Measure.cpuSeconds(helper.process().pid());
    this.echoCpu0 = Measure.cpuSeconds(echo.pid());
  }

  static IdleFigures begin(BenchRun run) throws IOException {
    return new IdleFigures(run.helper("idle"), run.echoServer(run.dir.resolve("idle-echo.sock")));
  }

  void finish(BenchRun run) throws Exception {
    long left = 60_000 - (System.nanoTime() - start) / 1_000_000;
    if (left > 0) {
      HelperProcess.pause(left);
    }
    double minutes = (System.nanoTime() - start) / 60e9;
    double cpuHelper = (Measure.cpuSeconds(helper.process().pid()) - helperCpu0) / minutes;
    double cpuEcho = (Measure.cpuSeconds(echo.pid()) - echoCpu0) / minutes;
    double rss = Measure.rssMib(helper.process().pid());
    double rssEcho = Measure.rssMib(echo.pid());
    run.add(new Row("5a idle RSS after 60 s", rss, "MiB", "echo server RSS", rssEcho, "<= 64 MiB", rss <= 64));
    run.add(new Row("5b idle CPU per minute", cpuHelper, "s", "echo server CPU/min", cpuEcho, "<= 0.05 s",
        cpuHelper <= 0.05));
    helper.close();
    run.end(echo);
  }
}
