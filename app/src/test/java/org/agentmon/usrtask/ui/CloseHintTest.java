package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first close says once that AgentMon stays in the menu bar, and never again for this user. */
class CloseHintTest {
  @Test
  void saidOnceAcrossRestartsOfTheApp(@TempDir Path dir) {
    AtomicInteger told = new AtomicInteger();
    Path file = dir.resolve("agentmon/usrtask.properties");
    CloseHint first = new CloseHint(new UserSettings(file), told::incrementAndGet);
    first.windowHidden();
    first.windowHidden();
    new CloseHint(new UserSettings(file), told::incrementAndGet).windowHidden(); // the next launch
    assertEquals(1, told.get());
  }
}
