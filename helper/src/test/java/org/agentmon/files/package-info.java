/** Tests of the trusted state directory: planted links and FIFOs, untrusted parents, leftovers of killed writes. */
package org.agentmon.files;
