package org.agentmon.installer.cli;

import org.agentmon.platform.Platform;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code --platform macos|linux}. */
final class PlatformConverter implements ITypeConverter<Platform> {
  @Override
  public Platform convert(String value) {
    return Platform.parse(value);
  }
}
