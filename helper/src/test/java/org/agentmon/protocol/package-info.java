/** Unit tests of the wire format: request parsing, envelopes, versions. */
package org.agentmon.protocol;
