/**
 * The helper's job: its managed configuration, the durable event spool that is also the local audit
 * trail, and the link that delivers heartbeats and events to the upstream server. Uses only protocol
 * and files.
 */
package org.agentmon.upstream;
