/** What every AgentMon component shares: the build's version and id. */
package org.agentmon;
