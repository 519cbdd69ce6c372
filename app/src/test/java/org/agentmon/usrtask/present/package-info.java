/** Tests of the presenter: the wording of every situation, as a table. */
package org.agentmon.usrtask.present;
