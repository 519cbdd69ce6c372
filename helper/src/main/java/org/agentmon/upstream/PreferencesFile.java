package org.agentmon.upstream;

import com.dd.plist.ASCIIPropertyListParser;
import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.text.ParseException;
import javax.xml.parsers.DocumentBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Reads one preferences plist, bounded and quietly: only a regular file (a FIFO is refused before it
 * is opened, so nothing blocks), at most {@link #MAX_BYTES}, and every failure, even a parser's stack
 * overflow, becomes an {@link IOException}. A message names the file and where it broke, never the
 * content around it: the file may hold the enrollment token.
 */
public final class PreferencesFile {
  /** The largest preferences file read: a real one is a few hundred bytes. */
  public static final int MAX_BYTES = 1 << 20;
  /** The key whose value must stay private. */
  public static final String TOKEN_KEY = "EnrollmentToken";

  private PreferencesFile() {}

  /**
   * @param f the file
   * @return its top-level dictionary
   * @throws IOException naming the file and the reason, without quoting its content
   */
  public static NSDictionary read(Path f) throws IOException {
    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class); // stat: opens nothing
    if (!a.isRegularFile()) {
      throw new IOException(f + " is not a regular file (" + kind(a) + "): refusing to read it");
    }
    if (a.size() > MAX_BYTES) {
      throw new IOException(f + " is " + a.size() + " bytes; a preferences file is at most " + MAX_BYTES
          + " bytes: refusing to read it");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(f)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException(f + " grew past " + MAX_BYTES + " bytes while being read: refusing it");
    }
    NSObject root = parse(f, bytes);
    if (!(root instanceof NSDictionary)) {
      throw new IOException(f + ": the top level is not a dictionary");
    }
    return (NSDictionary) root;
  }

  /**
   * @param d a preferences dictionary
   * @return whether it holds an enrollment token
   */
  public static boolean holdsToken(NSDictionary d) {
    return d.containsKey(TOKEN_KEY);
  }

  /**
   * @param f a file
   * @return whether users other than its owner and group may read it
   * @throws IOException when its mode cannot be read
   */
  public static boolean readableByOthers(Path f) throws IOException {
    return Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ);
  }

  /** Parses XML, binary or ASCII plists; the error says which format broke where, nothing more. */
  private static NSObject parse(Path f, byte[] bytes) throws IOException {
    String format = format(bytes);
    try {
      switch (format) {
        case "binary":
          return BinaryPropertyListParser.parse(bytes);
        case "XML":
          DocumentBuilder b = XMLPropertyListParser.getDocBuilder();
          b.setErrorHandler(SILENT); // the default handler prints "[Fatal Error]" and the text to stderr
          return XMLPropertyListParser.parse(b.parse(new ByteArrayInputStream(bytes)));
        default:
          return ASCIIPropertyListParser.parse(bytes);
      }
    } catch (SAXParseException e) {
      throw invalid(f, format, "line " + e.getLineNumber() + ", column " + e.getColumnNumber());
    } catch (ParseException e) {
      throw invalid(f, format, "offset " + e.getErrorOffset());
    } catch (StackOverflowError e) {
      throw invalid(f, format, "nested too deeply");
    } catch (Exception | Error e) { // dd-plist also throws runtime exceptions, and errors on absurd sizes
      throw invalid(f, format, e.getClass().getSimpleName());
    }
  }

  private static IOException invalid(Path f, String format, String where) {
    return new IOException(f + ": not a valid property list (" + format + " format, " + where + ")");
  }

  private static String format(byte[] b) {
    if (new String(b, 0, Math.min(b.length, 6), StandardCharsets.ISO_8859_1).equals("bplist")) {
      return "binary";
    }
    int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
    while (i < b.length && Character.isWhitespace(b[i])) {
      i++;
    }
    return i < b.length && b[i] == '<' ? "XML" : "ASCII";
  }

  private static String kind(BasicFileAttributes a) {
    return a.isDirectory() ? "a directory" : "a FIFO, socket or device";
  }

  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // ignored: only fatal errors matter, and they are thrown
    }

    @Override
    public void error(SAXParseException e) {
      // ignored, as by the default handler: the parser does not validate
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };
}
