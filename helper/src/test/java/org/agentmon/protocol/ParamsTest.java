package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-number params as the helper reads them from real JSON lines. */
class ParamsTest {
  private static Map<?, ?> params(String json) {
    return (Map<?, ?>) Json.parse("{\"n\":" + json + "}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "4294967297", "-1", "1001", "2.5",
      "1e400", "-1e400", "\"5\"", "true", "[]", "{}"})
  void refusesWhatIsNotAWholeNumberInRange(String json) {
    RpcException e = assertThrows(RpcException.class, () -> Params.integer(params(json), "n", 20, 0, 1000, 7));
    assertEquals(ErrorCodes.INVALID_PARAMS, e.code());
    assertEquals(7, e.id());
    assertEquals("\"n\" must be a whole number from 0 to 1000", e.getMessage());
  }

  @Test
  void readsWholeNumbersInRangeAndTheDefault() throws RpcException {
    assertEquals(0, Params.integer(params("0"), "n", 20, 0, 1000, 1));
    assertEquals(1000, Params.integer(params("1000"), "n", 20, 0, 1000, 1));
    assertEquals(5, Params.integer(params("5.0"), "n", 20, 0, 1000, 1));
    assertEquals(20, Params.integer(params("null"), "n", 20, 0, 1000, 1));
    assertEquals(20, Params.integer(Map.of(), "n", 20, 0, 1000, 1));
  }
}
