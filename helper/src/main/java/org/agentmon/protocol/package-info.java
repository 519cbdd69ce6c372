/**
 * The control protocol between the helper and its clients: JSON-RPC 2.0, one UTF-8 JSON object per
 * {@code \n}-terminated line over a stream Unix socket. Method names, error codes, the records that
 * travel on the wire and their JSON codec. A leaf package: it imports nothing from the project.
 */
package org.agentmon.protocol;
