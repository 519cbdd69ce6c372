/** Unit tests of daemon parts that need no process: routing, atomic files, supervisor detection. */
package org.agentmon.daemon;
