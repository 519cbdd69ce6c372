/** Tests that "Start at Login" writes exactly the expected files and removes them again. */
package org.agentmon.usrtask.login;
