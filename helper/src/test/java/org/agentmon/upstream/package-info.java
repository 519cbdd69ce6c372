/** Unit tests of the configuration, the event log and the backoff, on real files in temporary directories. */
package org.agentmon.upstream;
