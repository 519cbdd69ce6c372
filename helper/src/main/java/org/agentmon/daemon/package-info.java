/**
 * The helper daemon: where its listening socket comes from, the non-blocking server that speaks the
 * protocol to many clients at once, per-connection authorization from peer credentials, the state
 * files and the lifecycle (stop, start, restart, signals) that ends in exactly one exit.
 */
package org.agentmon.daemon;
