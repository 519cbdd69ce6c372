package org.agentmon.daemon;

import org.agentmon.protocol.Caller;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * Who a new connection's peer is and whether it may administer the helper, decided once per
 * connection from the kernel's peer credentials. {@link Authorizer} is the one the helper runs with;
 * the seam lets in-process tests speak as a caller the test machine cannot log in as.
 */
@FunctionalInterface
interface CallerCheck {
  /** @return the caller the connection's requests run as */
  Caller authorize(AFUNIXSocketCredentials creds);
}
