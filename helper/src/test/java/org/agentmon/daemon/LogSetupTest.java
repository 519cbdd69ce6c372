package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.status.WarnStatus;
import ch.qos.logback.core.util.StatusPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Logback's own trouble never reaches stdout, which is a command's output or the daemon's stdio:
 * logback prints its warnings there when a context has no status listener once the configurator has
 * run, and {@link LogSetup} always registers {@link LogbackTrouble}, which writes warnings and errors
 * to stderr when that is safe.
 */
class LogSetupTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aConfiguredContextPrintsNothingOfLogbacksOwnOnStdout() {
    LoggerContext ctx = new LoggerContext();
    captured(() -> {
      new LogSetup().configure(ctx);
      ctx.getStatusManager().add(new ErrorStatus("cannot open the log file", this));
      if (!StatusUtil.contextHasStatusListener(ctx)) { // what logback's start-up does next
        StatusPrinter.printInCaseOfErrorsOrWarnings(ctx);
      }
    });
    assertTrue(StatusUtil.contextHasStatusListener(ctx), "without a listener logback prints to stdout");
    ctx.stop();
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void warningsAndErrorsGoToStderrWhenItIsSafeAndRoutineStatusesNowhere() {
    captured(() -> {
      LogbackTrouble safe = new LogbackTrouble(true);
      safe.addStatusEvent(new InfoStatus("about to instantiate an appender", this));
      safe.addStatusEvent(new WarnStatus("the file is not writable", this));
      safe.addStatusEvent(new ErrorStatus("cannot open the log file", this, new java.io.IOException("EACCES")));
      new LogbackTrouble(false).addStatusEvent(new ErrorStatus("stderr is the socket", this));
    });
    assertEquals("agentmon: logging: the file is not writable\n"
        + "agentmon: logging: cannot open the log file: java.io.IOException: EACCES\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  private void captured(Runnable r) {
    PrintStream o = System.out;
    PrintStream e = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      r.run();
    } finally {
      System.setOut(o);
      System.setErr(e);
    }
  }
}
