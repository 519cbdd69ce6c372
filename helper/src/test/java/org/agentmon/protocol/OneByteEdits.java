package org.agentmon.protocol;

import java.util.Random;

/** Lines one byte away from a good one (an insert, a removal or a change), for the fast-path tests. */
public final class OneByteEdits {
  private OneByteEdits() {}

  /** @return {@code line} with one random edit, using bytes from {@code alphabet} */
  public static byte[] edit(byte[] line, Random r, byte[] alphabet) {
    byte b = alphabet[r.nextInt(alphabet.length)];
    int kind = line.length == 0 ? 0 : r.nextInt(3);
    int at = r.nextInt(kind == 0 ? line.length + 1 : line.length);
    byte[] out = new byte[line.length + (kind == 0 ? 1 : kind == 1 ? -1 : 0)];
    if (kind == 0) {
      System.arraycopy(line, 0, out, 0, at);
      out[at] = b;
      System.arraycopy(line, at, out, at + 1, line.length - at);
    } else if (kind == 1) {
      System.arraycopy(line, 0, out, 0, at);
      System.arraycopy(line, at + 1, out, at, line.length - at - 1);
    } else {
      System.arraycopy(line, 0, out, 0, line.length);
      out[at] = b;
    }
    return out;
  }
}
