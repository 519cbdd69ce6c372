package org.agentmon.client;

/**
 * The helper did not answer before the deadline (it accepts nothing, trickles, or sends only
 * notifications). Never retried: the time is spent.
 */
final class NoAnswerException extends HelperUnavailableException {
  private static final long serialVersionUID = 1L;

  NoAnswerException(Object socket, Deadline deadline, String detail) {
    super("no answer from the helper at " + socket + " within " + deadline.describe()
        + (detail == null ? "" : " (" + detail + ")"), null);
  }
}
