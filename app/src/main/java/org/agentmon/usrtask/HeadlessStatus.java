package org.agentmon.usrtask;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.live.LinkSnapshot;

/** With no display: one line per change of the helper's state, from the same live subscription. */
final class HeadlessStatus {
  private HeadlessStatus() {}

  /** Prints status lines until the process is stopped (Ctrl-C). */
  static void run(Path socket, PrintStream out) throws InterruptedException {
    String[] last = {null};
    HelperLink link = new HelperLink(socket, s -> {
      String line = line(s);
      if (!line.equals(last[0])) { // only the link's thread calls this
        out.println(line);
        last[0] = line;
      }
    });
    link.start();
    new CountDownLatch(1).await();
  }

  static String line(LinkSnapshot s) {
    Status st = s.status();
    String head = "agentmon helper: ";
    return switch (s.state()) {
      case CONNECTING -> head + "connecting…";
      case RESTARTING -> head + "restarting…";
      case NOT_RUNNING -> head + "not running";
      case INCOMPATIBLE -> head + s.problem();
      case CONNECTED -> head + st.state() + ", pid " + st.pid() + ", instance " + st.instanceId() + ", version "
          + st.version() + ", enabled " + st.enabled() + ", clients " + st.clients() + ", socket " + st.socketSource()
          + (s.mismatch() == null ? "" : " — " + s.mismatch());
    };
  }
}
