package org.agentmon.usrtask.live;

import java.time.Instant;
import org.agentmon.protocol.Status;

/**
 * Everything UsrTask knows about the helper at one moment.
 *
 * @param state how the link stands
 * @param status the last status the helper sent, or null before the first; stale unless
 *     {@code state} is {@link LinkState#CONNECTED}
 * @param mismatch "Version mismatch: this app x, helper y", or null when both are the same build
 * @param restartedAt when UsrTask noticed a new helper instance, or null if it has seen only one
 * @param problem why the link is down in words (an incompatible helper), or null
 */
public record LinkSnapshot(LinkState state, Status status, String mismatch, Instant restartedAt, String problem) {

  /** @return whether the helper answers and {@link #status()} is live */
  public boolean connected() {
    return state == LinkState.CONNECTED;
  }
}
