/**
 * The helper's job: its managed configuration, the durable event spool that is also the local audit
 * trail, and the {@link org.agentmon.upstream.UpstreamClient} that delivers heartbeats and events to
 * the upstream server. Uses only protocol and files.
 *
 * <p>Names: "link" is the app's word for its connection to the helper; here the helper is a client
 * of the upstream server, so the class that talks to it is the {@code UpstreamClient}, and what it
 * last saw is the {@code UpstreamState}, whose snapshot is the wire record {@link
 * org.agentmon.protocol.Upstream} ({@code status.upstream}), as {@code HelperState} is to {@code Status}.
 */
package org.agentmon.upstream;
