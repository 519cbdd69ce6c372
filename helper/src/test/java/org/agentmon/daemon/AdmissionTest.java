package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agentmon.protocol.Caller;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  static final Caller ROOT = new Caller(0, 0, 1, true);

  static Caller user(long uid) {
    return new Caller(uid, uid, 100 + uid, false);
  }

  @Test
  void oneUserGetsItsShareAndNoMoreWhileOthersAndRootStillGetIn() {
    Admission a = new Admission(new Limits(1024, 32, 60_000, 256 * 1024, 16 << 20));
    for (int i = 0; i < 32; i++) {
      assertNull(a.check(user(65534)));
      a.opened(user(65534));
    }
    Admission.Refusal no = a.check(user(65534));
    assertEquals("per-user limit", no.limit());
    assertTrue(no.message().contains("uid 65534 (32)"), no.message());
    assertNull(a.check(user(1000)), "another user is not affected");
    assertNull(a.check(ROOT));
    a.closed(user(65534));
    assertNull(a.check(user(65534)), "a closed connection frees its slot");
  }

  @Test
  void ordinaryUsersTogetherLeaveTheReserveAndAdministratorsStopAtTheTotal() {
    Limits limits = new Limits(100, 1000, 60_000, 256 * 1024, 16 << 20);
    assertEquals(6, limits.adminReserve());
    Admission a = new Admission(limits);
    for (int i = 0; i < 94; i++) {
      a.opened(user(i));
    }
    assertEquals("limit for ordinary users", a.check(user(500)).limit());
    for (int i = 0; i < 6; i++) {
      assertNull(a.check(ROOT));
      a.opened(ROOT);
    }
    Admission.Refusal full = a.check(ROOT);
    assertEquals("total limit", full.limit());
    assertTrue(full.message().startsWith("too many connections (100)"), full.message());
  }

  @Test
  void theReserveNeverTakesTheOnlySlot() {
    assertEquals(0, new Limits(1, 1, 1, 1, 1).adminReserve());
    assertEquals(1, new Limits(2, 1, 1, 1, 1).adminReserve());
    assertEquals(64, Limits.DEFAULT.adminReserve());
  }
}
