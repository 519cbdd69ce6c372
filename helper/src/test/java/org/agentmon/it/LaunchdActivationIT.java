package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper takes its socket from launchd's {@code launch_activate_socket("Listeners")} through
 * JNA. launchd cannot run here, so a stub shared library compiled by this test exports the
 * function and hands over a socket that a parent process bound (as launchd does) and passed down
 * as an open descriptor, not on stdin. The Linux start paths must not load any JNA class.
 */
class LaunchdActivationIT {
  /** Binds the socket like launchd, keeps it open across exec, says its number, runs the helper. */
  private static final String SUPERVISOR = "import os,socket,sys\n"
      + "s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(64); os.set_inheritable(s.fileno(), True)\n"
      + "os.environ['STUB_LAUNCHD_FD']=str(s.fileno())\n"
      + "os.execvp(sys.argv[2], sys.argv[2:])\n";

  @TempDir Path dir;
  Path stub;

  @BeforeEach
  void compileStub() throws Exception {
    assumeTrue(Tools.has("cc"), "cc compiles the stub launch_activate_socket library");
    assumeTrue(Tools.has("python3"), "python3 binds the socket as launchd would");
    Path src = dir.resolve("stub.c");
    try (InputStream in = getClass().getResourceAsStream("/launch_activate_socket_stub.c")) {
      Files.copy(in, src);
    }
    stub = dir.resolve("liblaunchstub.so");
    Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", stub.toString(), src.toString())
        .redirectErrorStream(true).start();
    String out = new String(cc.getInputStream().readAllBytes());
    assertEquals(0, cc.waitFor(), out);
  }

  private static List<String> loadedJnaClasses(Path classLog) throws IOException {
    return Files.readAllLines(classLog).stream().filter(l -> l.contains("com.sun.jna.")).toList();
  }

  @Test
  void socketFromLaunchActivateSocketAndStatusSaysLaunchd() throws Exception {
    Path calls = dir.resolve("stub.calls");
    Path classLog = dir.resolve("classes.log");
    Path home = dir.resolve("h");
    try (HelperProcess h = new HelperProcess(home)) {
      h.prefix("env", "XPC_SERVICE_NAME=org.agentmon.helper", "STUB_LAUNCHD_LOG=" + calls,
          "python3", "-c", SUPERVISOR, home.resolve("agentmon.sock").toString());
      h.jvm(List.of("-Dagentmon.test.launchdLibrary=" + stub, "-Xlog:class+load=info:file=" + classLog));
      h.start();
      Status s = h.status();
      assertEquals("launchd", s.socketSource(), h.log());
      assertEquals("launchd", s.supervisor());
      assertEquals(List.of("launch_activate_socket Listeners"), Files.readAllLines(calls));
      assertFalse(loadedJnaClasses(classLog).isEmpty(), "this path does load JNA (so the check below can fail)");
    }
  }

  @Test
  void theLinuxStartPathLoadsNoJnaClass() throws Exception {
    Path classLog = dir.resolve("classes.log");
    try (HelperProcess h = new HelperProcess(dir.resolve("h"))) {
      h.jvm(List.of("-Xlog:class+load=info:file=" + classLog));
      h.start();
      assertEquals("bound", h.status().socketSource());
      assertTrue(Files.size(classLog) > 0, "the class log was written");
      assertEquals(List.of(), loadedJnaClasses(classLog));
    }
  }

  @Test
  void aLaunchdJobWithoutItsSocketFailsWithAClearMessage() throws Exception {
    Path home = dir.resolve("h");
    try (HelperProcess h = new HelperProcess(home)) {
      h.prefix("env", "-u", "STUB_LAUNCHD_FD", "XPC_SERVICE_NAME=org.agentmon.helper");
      h.jvm(List.of("-Dagentmon.test.launchdLibrary=" + stub));
      Process p = h.launch();
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "it gives up");
      assertEquals(1, p.exitValue());
      assertTrue(h.log().contains("launch_activate_socket(\"Listeners\") failed with errno 3 (not started by launchd"
          + " as a job)"), h.log());
    }
  }
}
