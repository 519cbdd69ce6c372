package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agentmon.it.fixtures.LaunchdLikeSupervisor;
import org.agentmon.it.fixtures.OtherUids;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root, a member of the admin group and an ordinary uid, each calling every method through the raw
 * protocol as a real process of that uid ({@code setpriv} + {@code socat}), against a supervised
 * helper: every cell of the matrix as expected.
 */
class AuthorizationMatrixIT {
  static final List<String> METHODS = List.of("hello", "status", "subscribe", "events", "restart", "stop", "start");

  @TempDir
  Path dir;

  @Test
  void everyCallerTimesEveryMethod() throws Exception {
    OtherUids.prepare(dir, "socat", "python3"); // python3 runs the launchd-like test supervisor
    long users = OtherUids.gidOf("users"); // the admin group here
    Map<String, List<String>> callers = new java.util.LinkedHashMap<>();
    callers.put("ordinary uid 65534", OtherUids.NOBODY);
    callers.put("admin-group member 65534", OtherUids.as(65534, 65534, users));
    callers.put("root", List.of());
    List<String> table = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.05, Map.of(), "--admin-group", "users",
        "--crash-loop-starts", "1000")) {
      Status current = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      for (Map.Entry<String, List<String>> caller : callers.entrySet()) {
        boolean admin = !caller.getKey().startsWith("ordinary");
        StringBuilder row = new StringBuilder(String.format("%-26s", caller.getKey()));
        for (String method : METHODS) {
          Map<?, ?> reply = call(caller.getValue(), sup.helper.socket, method);
          String got = outcome(reply);
          String expected = expected(method, admin);
          row.append(String.format(" %s=%s", method, got));
          if (!expected.equals(got)) {
            wrong.add(caller.getKey() + " x " + method + ": expected " + expected + ", got " + reply);
          }
          if ("status".equals(method) && reply.get("result") instanceof Map) {
            Object seenAdmin = ((Map<?, ?>) ((Map<?, ?>) reply.get("result")).get("caller")).get("admin");
            if (!Boolean.valueOf(admin).equals(seenAdmin)) {
              wrong.add(caller.getKey() + ": status says admin=" + seenAdmin);
            }
          }
          if (admin && got.startsWith("ok") && !"start".equals(method) && (method.equals("restart")
              || method.equals("stop"))) {
            current = sup.helper.awaitNewInstance(current.instanceId());
          }
        }
        Status after = sup.helper.status();
        if (!admin && (!after.instanceId().equals(current.instanceId()) || !after.enabled())) {
          wrong.add(caller.getKey() + " changed the helper: " + after);
        }
        table.add(row.toString());
      }
    }
    System.out.println("authorization matrix:\n  " + String.join("\n  ", table));
    assertEquals(List.of(), wrong, String.join("\n", table));
  }

  static String expected(String method, boolean admin) {
    boolean adminOnly = List.of("restart", "stop", "start").contains(method);
    return adminOnly && !admin ? "-32001" : "ok";
  }

  static String outcome(Map<?, ?> reply) {
    if (reply.get("result") != null) {
      return "ok";
    }
    Object err = reply.get("error");
    return err instanceof Map ? String.valueOf(((Map<?, ?>) err).get("code")) : "?" + reply;
  }

  /** One request through socat run as the caller; returns the first line of the answer. */
  static Map<?, ?> call(List<String> prefix, Path socket, String method) throws Exception {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of("socat", "-t1", "-", "UNIX-CONNECT:" + socket));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}\n")
        .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String first = out.lines().findFirst().orElse("");
    try {
      return (Map<?, ?>) Json.parse(first);
    } catch (RuntimeException e) {
      return Map.of("unparsable", out);
    }
  }
}
