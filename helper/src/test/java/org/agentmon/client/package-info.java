/** Unit tests of the client's wire handling. */
package org.agentmon.client;
