/** Tests of the product facts: platform detection, system paths, the helper's command line, command runners. */
package org.agentmon.platform;
