/** Test fixtures: a real helper process on a temp socket, and waiting for conditions. */
package org.agentmon.usrtask.testing;
