package org.agentmon.installer.render;

import java.nio.charset.StandardCharsets;

/**
 * One rendered file.
 *
 * @param path where it goes: an absolute system path for installed files, a relative path under
 *     {@code package/} for files only the package build uses
 * @param content the bytes
 * @param mode the POSIX mode, e.g. {@code 0644}
 */
public record RenderedFile(String path, byte[] content, int mode) {

  /** @return true when {@code install} lays this file out (its path is absolute) */
  public boolean installed() {
    return path.startsWith("/");
  }

  /** @return the content as UTF-8 text */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  static RenderedFile of(String path, String text, int mode) {
    return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), mode);
  }
}
