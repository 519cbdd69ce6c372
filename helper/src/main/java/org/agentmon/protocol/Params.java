package org.agentmon.protocol;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads typed values out of a request's params, refusing with -32602 what does not fit, so no
 * handler narrows a number by itself (a {@code long} cast turned 2^64+1 into 1).
 */
public final class Params {
  private Params() {}

  /**
   * Reads a whole number within bounds.
   *
   * @param params the request's params
   * @param name the param's name
   * @param absent the value when the param is missing or null
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param id the request id, for the error
   * @return the value
   * @throws RpcException -32602 when the param is not a whole number from {@code min} to {@code max}
   */
  public static int integer(Map<?, ?> params, String name, int absent, int min, int max, Object id)
      throws RpcException {
    Object v = params.get(name);
    if (v == null) {
      return absent;
    }
    BigDecimal n = v instanceof Number ? decimal((Number) v) : null;
    if (n == null || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0
        || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "\"" + name + "\" must be a whole number from " + min + " to "
          + max, id);
    }
    return n.intValueExact();
  }

  /** @return the exact value, or null for NaN and the infinities (a double's overflow) */
  private static BigDecimal decimal(Number v) {
    try {
      return new BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
