package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
  static final long INTERVAL = 10_000_000_000L;

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private RateLimitedLog log;

  @BeforeEach
  void capture() {
    Logger logger = (Logger) LoggerFactory.getLogger("RateLimitedLogTest");
    lines.start();
    logger.addAppender(lines);
    log = new RateLimitedLog(logger, INTERVAL);
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private void refuse(long uid) {
    log.warn("refused " + uid, "refused {} more connections from uid " + uid, "refusing a connection from uid {}", uid);
  }

  @Test
  void firstLineThenOneSummaryPerIntervalThenTheFirstLineAgain() {
    for (int i = 0; i < 58_981; i++) {
      refuse(65534);
    }
    refuse(1000);
    assertEquals(List.of("refusing a connection from uid 65534", "refusing a connection from uid 1000"), messages());
    long later = System.nanoTime() + INTERVAL + 1;
    log.flush(later);
    assertEquals("refused 58,980 more connections from uid 65534 in the last 10 s", messages().get(2));
    assertEquals(3, messages().size(), "nothing to sum up for uid 1000");
    log.flush(later + INTERVAL);
    assertEquals(3, messages().size(), "a quiet interval says nothing");
    refuse(65534);
    assertEquals("refusing a connection from uid 65534", messages().get(3));
  }

  @Test
  void manyKindsShareOneEntryPastTheCap() {
    for (int uid = 0; uid < RateLimitedLog.MAX_KINDS + 500; uid++) {
      refuse(uid);
    }
    assertEquals(RateLimitedLog.MAX_KINDS + 1, messages().size());
    log.flush(System.nanoTime() + INTERVAL + 1);
    assertEquals("499 more warnings of other kinds in the last 10 s", messages().get(messages().size() - 1));
  }
}
