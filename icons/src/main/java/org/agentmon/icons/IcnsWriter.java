package org.agentmon.icons;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a macOS {@code .icns} container: the magic {@code icns}, the file's total length, then
 * entries of a four-letter type, a length that counts the 8-byte entry header, and PNG data.
 * All lengths are big-endian 32-bit.
 */
final class IcnsWriter {
  /** Entry types this project writes, with the pixel size each one holds, in file order. */
  static final Map<String, Integer> ENTRY_SIZES = entrySizes();

  private static final int HEADER = 8;

  private IcnsWriter() {}

  private static Map<String, Integer> entrySizes() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("icp4", 16);
    m.put("icp5", 32);
    m.put("icp6", 64);
    m.put("ic07", 128);
    m.put("ic08", 256);
    m.put("ic09", 512);
    m.put("ic10", 1024); // 512@2x
    m.put("ic11", 32); // 16@2x
    m.put("ic12", 64); // 32@2x
    m.put("ic13", 256); // 128@2x
    m.put("ic14", 512); // 256@2x
    return Collections.unmodifiableMap(m);
  }

  /**
   * The container bytes.
   *
   * @param pngBySize PNG data for every size {@link #ENTRY_SIZES} names
   */
  static byte[] write(Map<Integer, byte[]> pngBySize) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    for (Map.Entry<String, Integer> entry : ENTRY_SIZES.entrySet()) {
      byte[] png = pngBySize.get(entry.getValue());
      if (png == null) {
        throw new IllegalArgumentException("no " + entry.getValue() + " px PNG for " + entry.getKey());
      }
      out.write(entry.getKey().getBytes(StandardCharsets.US_ASCII));
      out.writeInt(HEADER + png.length);
      out.write(png);
    }
    out.flush();

    ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + body.size());
    DataOutputStream header = new DataOutputStream(file);
    header.write("icns".getBytes(StandardCharsets.US_ASCII));
    header.writeInt(HEADER + body.size());
    body.writeTo(header);
    header.flush();
    return file.toByteArray();
  }
}
