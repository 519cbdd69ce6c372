package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.FrameGen;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Status;

/**
 * Property-based fuzzing of the protocol against the real protocol stack in this process: 10,000 generated and mutated
 * frames; every reply is valid JSON-RPC, the helper never dies, and a well-behaved client on
 * another connection keeps getting answers throughout.
 */
class ProtocolFuzzTest {
  static final int TRIES = 10_000;
  private static InProcessHelper helper;
  private static Status before;
  private static RawClient fuzz;
  private static Thread wellBehaved;
  private static final AtomicBoolean running = new AtomicBoolean(true);
  private static final AtomicInteger goodCalls = new AtomicInteger();
  private static final AtomicInteger goodFailures = new AtomicInteger();
  private static final AtomicInteger frames = new AtomicInteger();
  private static final AtomicInteger reconnects = new AtomicInteger();
  private static volatile String goodError;

  @BeforeContainer
  static void startHelper() throws Exception {
    helper = InProcessHelper.start(Files.createTempDirectory("agentmon-fuzz"));
    before = helper.status();
    fuzz = new RawClient(helper.socket);
    wellBehaved = new Thread(ProtocolFuzzTest::behaveWell, "well-behaved");
    wellBehaved.setDaemon(true);
    wellBehaved.start();
  }

  private static void behaveWell() {
    try (HelperClient c = helper.client()) {
      while (running.get()) {
        try {
          c.status();
          goodCalls.incrementAndGet();
        } catch (IOException e) {
          goodFailures.incrementAndGet();
          goodError = e.toString();
        }
        pause(5);
      }
    } catch (IOException e) {
      goodFailures.incrementAndGet();
      goodError = e.toString();
    }
  }

  @AfterContainer
  static void stopHelper() throws Exception {
    running.set(false);
    wellBehaved.join(15_000);
    try {
      assertTrue(frames.get() >= TRIES, "frames sent: " + frames.get());
      assertEquals(0, goodFailures.get(), "the well-behaved client failed: " + goodError);
      assertTrue(goodCalls.get() > 100, "the well-behaved client kept working: " + goodCalls.get() + " calls");
      Status after = helper.status();
      assertEquals(before.instanceId(), after.instanceId(), "the helper never died or restarted");
      System.out.printf("fuzz: %d frames, %d reconnects after the helper closed a connection, "
          + "well-behaved client: %d calls, 0 failures%n", frames.get(), reconnects.get(), goodCalls.get());
    } finally {
      fuzz.close();
      helper.close();
    }
  }

  @Provide
  Arbitrary<byte[]> frames() {
    return FrameGen.frames();
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  void everyFrameGetsValidJsonRpcAndTheHelperStaysUp(@ForAll("frames") byte[] generated) throws IOException {
    byte[] frame = harmless(generated);
    int n = frames.incrementAndGet();
    String sync = "sync-" + n;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(frame);
    if (frame.length == 0 || frame[frame.length - 1] != '\n') {
      out.write('\n');
    }
    out.writeBytes(("{\"jsonrpc\":\"2.0\",\"id\":\"" + sync + "\",\"method\":\"hello\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    fuzz.send(out.toByteArray());
    while (true) {
      String line = fuzz.readLine();
      if (line == null) {
        // The helper may close a connection on purpose (e.g. a line over the limit); it must stay up.
        reconnects.incrementAndGet();
        fuzz.close();
        fuzz = new RawClient(helper.socket);
        break;
      }
      Map<?, ?> reply = validJsonRpc(line);
      if (sync.equals(reply.get("id"))) {
        break;
      }
    }
    assertTrue(helper.serving(), "the server loop ended");
    assertEquals(0, goodFailures.get(), "the well-behaved client failed: " + goodError);
  }

  /** Asserts that {@code line} is one JSON-RPC 2.0 response or notification and returns it. */
  static Map<?, ?> validJsonRpc(String line) {
    Object parsed;
    try {
      parsed = Json.parse(line);
    } catch (RuntimeException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
    assertTrue(parsed instanceof Map, "not a JSON object: " + line);
    Map<?, ?> m = (Map<?, ?>) parsed;
    assertEquals("2.0", m.get("jsonrpc"), line);
    if (m.containsKey("method")) {
      assertTrue(List.of("status.changed", "event").contains(m.get("method")), line);
      assertTrue(m.get("params") instanceof Map, line);
      return m;
    }
    assertTrue(m.containsKey("id"), "a response without id: " + line);
    assertTrue(m.containsKey("result") ^ m.containsKey("error"), "exactly one of result and error: " + line);
    if (m.containsKey("error")) {
      Map<?, ?> err = (Map<?, ?>) m.get("error");
      assertTrue(err.get("code") instanceof Number, line);
      assertTrue(err.get("message") instanceof String, line);
    }
    return m;
  }

  /** Replaces any line that is a stop/start/restart request: the fuzzer is root, and those would end the run. */
  static byte[] harmless(byte[] frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i <= frame.length; i++) {
      if (i == frame.length || frame[i] == '\n') {
        byte[] line = java.util.Arrays.copyOfRange(frame, start, i);
        out.writeBytes(endsTheRun(line) ? "{}".getBytes(StandardCharsets.US_ASCII) : line);
        if (i < frame.length) {
          out.write('\n');
        }
        start = i + 1;
      }
    }
    return out.toByteArray();
  }

  private static boolean endsTheRun(byte[] line) {
    try {
      Object v = Json.parse(new String(line, StandardCharsets.UTF_8).trim());
      return v instanceof Map && FrameGen.ENDING.contains(String.valueOf(((Map<?, ?>) v).get("method")));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
