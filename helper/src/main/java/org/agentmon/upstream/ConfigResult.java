package org.agentmon.upstream;

import java.util.List;

/**
 * What loading the configuration gave: a configuration, or the reason it was refused (then the
 * helper runs without an upstream server and {@code status} shows the reason), and what deserves a warning.
 *
 * @param config the configuration; {@link UpstreamConfig#NONE} when refused
 * @param error why the configuration was refused, or null
 * @param source the files read, for messages
 * @param warnings problems that do not stop the upstream client, e.g. a token others can read; never null
 */
public record ConfigResult(UpstreamConfig config, String error, String source, List<String> warnings) {
  /** Copies the warnings; null means none. */
  public ConfigResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** @return whether the configuration was refused */
  public boolean refused() {
    return error != null;
  }
}
