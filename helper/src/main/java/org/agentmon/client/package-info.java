/**
 * {@link org.agentmon.client.HelperClient}, the one object the CLI and UsrTask use to talk to the
 * helper: connect, hello, typed calls, a live subscription, close.
 */
package org.agentmon.client;
