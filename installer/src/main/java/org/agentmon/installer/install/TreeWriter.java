package org.agentmon.installer.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.installer.render.RenderedFile;

/**
 * Writes rendered files as a tree under a directory ({@code render --out}) with the same steps
 * as {@code install}: temp file, fsync, chmod, rename; no symbolic link below the directory is
 * followed; errors name the operation, the path and the reason.
 */
public final class TreeWriter {
  private TreeWriter() {}

  /**
   * @param files the files; each lands at its path relative to {@code out}
   * @param out the output directory, created with its parents when missing
   * @return the paths written
   * @throws IOException naming what failed
   */
  public static List<Path> write(List<RenderedFile> files, Path out) throws IOException {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw IoErrors.failed("create directory", out, e);
    }
    Actions a = new Actions(out, false, false, null, new PrintWriter(Writer.nullWriter()));
    List<Path> written = new ArrayList<>();
    for (RenderedFile f : files) {
      String path = "/" + f.path().replaceFirst("^/+", "");
      a.write(path, f.content(), f.mode());
      written.add(a.file(path));
    }
    return written;
  }
}
