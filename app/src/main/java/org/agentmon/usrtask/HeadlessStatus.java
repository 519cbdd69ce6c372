package org.agentmon.usrtask;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.present.Pending;
import org.agentmon.usrtask.present.Presenter;
import org.agentmon.usrtask.present.Since;
import org.agentmon.usrtask.present.Situation;

/**
 * With no display: one line per change of the situation, from the same live subscription and the
 * same {@link Presenter} as the window and the tray, so they never disagree.
 */
final class HeadlessStatus {
  private HeadlessStatus() {}

  /** Prints status lines until the process is stopped (Ctrl-C). */
  static void run(Path socket, PrintStream out) throws InterruptedException {
    String[] last = {null};
    Since since = new Since();
    HelperLink link = new HelperLink(socket);
    link.start(s -> {
      Instant now = Instant.now();
      String line = line(s, Files.exists(socket), since.update(s, now), now);
      if (!line.equals(last[0])) { // only the link's thread calls this
        out.println(line);
        last[0] = line;
      }
    });
    new CountDownLatch(1).await();
  }

  static String line(LinkSnapshot s, boolean installed, Instant since, Instant now) {
    return Presenter.present(new Situation(s, installed, false, Pending.NONE, since, null, now, ZoneId.systemDefault()))
        .line();
  }
}
