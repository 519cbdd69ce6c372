package org.agentmon.upstream;

/**
 * What loading the configuration gave: a configuration, or the reason it was refused (then the
 * helper runs without a link and {@code status} shows the reason).
 *
 * @param config the configuration; {@link UpstreamConfig#NONE} when refused
 * @param error why the configuration was refused, or null
 * @param source the files read, for messages
 */
public record ConfigResult(UpstreamConfig config, String error, String source) {
  /** @return whether the configuration was refused */
  public boolean refused() {
    return error != null;
  }
}
