/**
 * When to try again after a failure: the one {@link org.agentmon.retry.Backoff}, used by the helper's
 * upstream client and the app's link to the helper. A leaf: it uses nothing of ours, so every layer
 * may use it.
 */
package org.agentmon.retry;
