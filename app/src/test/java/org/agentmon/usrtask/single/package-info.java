/** Tests of the per-user instance lock with real Unix sockets. */
package org.agentmon.usrtask.single;
