/**
 * The helper's job: its managed configuration, the {@link org.agentmon.upstream.EventLog} (durable;
 * the queue for the upstream server and what {@code events} shows), and the {@link
 * org.agentmon.upstream.UpstreamClient} that delivers heartbeats and events to the upstream server.
 * Uses only protocol and files.
 *
 * <p>Names: "link" is the app's word for its connection to the helper; here the helper is a client
 * of the upstream server, so the class that talks to it is the {@code UpstreamClient}, and what it
 * last saw is the {@code UpstreamState}, whose snapshot is the wire record {@link
 * org.agentmon.protocol.Upstream} ({@code status.upstream}), as {@code HelperState} is to {@code Status}.
 * The event store is called the event log everywhere; only its file ({@code events.spool}), the
 * {@code spool.dropped} event and the {@code SpoolMaxBytes}/{@code spoolDepth} names keep the old
 * word, because installed machines, servers and administrators already use them.
 */
package org.agentmon.upstream;
