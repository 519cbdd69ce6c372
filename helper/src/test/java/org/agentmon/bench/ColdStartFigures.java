package org.agentmon.bench;

import java.nio.file.Path;
import java.util.List;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Jar;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Row 3: cold start to the first answer, medians of 7, each from a connection arriving on a socket
 * the launchd-like supervisor holds while no process runs; beside the junixsocket floor
 * ({@link EchoServer} {@code once}) and a JVM hello-world.
 */
final class ColdStartFigures {
  private ColdStartFigures() {}

  /**
   * The medians the later rows compare with, in ms.
   *
   * @param withCds the helper's with the CDS archive, NaN without one
   * @param archive the archive, or null when none could be made
   */
  record Cold(double helper, double floor, double withCds, Path archive) {}

  static Cold measure(BenchRun run) throws Exception {
    List<String> helperCmd = BenchRun.java("-jar", Jar.path().toString(), "daemon", "--state-dir",
        run.dir.resolve("cold-state").toString(), "--log-file", run.dir.resolve("cold.log").toString());
    List<String> floorCmd = BenchRun.java("-cp", BenchRun.classPath(), EchoServer.class.getName(), "once");
    List<String> helloCmd = BenchRun.java("-cp", System.getProperty("bench.testClasses", "target/test-classes"),
        HelloWorld.class.getName());

    double helper = Measure.median(7, () -> coldOnce(run, run.dir.resolve("cold-helper.sock"), helperCmd, true));
    double floor = Measure.median(7, () -> coldOnce(run, run.dir.resolve("cold-floor.sock"), floorCmd, false));
    double hello = Measure.median(7, () -> Measure.timed(helloCmd));
    run.add(new Row("3a cold start to first status, no CDS archive", helper, "ms", "junixsocket floor", floor,
        "(reported)", true));
    Path jsa = CdsArchive.make(run);
    double cds = Double.NaN;
    if (jsa != null) {
      List<String> withCds = CdsArchive.with(jsa, helperCmd);
      cds = Measure.median(7, () -> coldOnce(run, run.dir.resolve("cold-cds.sock"), withCds, true));
      run.add(new Row("3c cold start, as installed (CDS, JNI file)", cds, "ms", "junixsocket floor", floor,
          "<= 1.10x", cds <= 1.10 * floor));
    }
    run.add(new Row("3b cold start vs hello-world", helper, "ms", "JVM hello-world", hello, "(reported)", true));
    return new Cold(helper, floor, cds, jsa);
  }

  /** One cold start under the supervisor: the time from connecting to the first answer, in ms. */
  static double coldOnce(BenchRun run, Path sock, List<String> cmd, boolean terminate) throws Exception {
    Process sup = run.supervise(sock, cmd);
    try (AFUNIXSocket s = AFUNIXSocket.newInstance()) {
      long t0 = System.nanoTime();
      s.connect(AFUNIXSocketAddress.of(sock));
      RawLines.firstAnswer(s);
      return (System.nanoTime() - t0) / 1e6;
    } finally {
      run.end(sup);
      if (terminate) {
        HelperProcess.pause(200);
      }
    }
  }
}
