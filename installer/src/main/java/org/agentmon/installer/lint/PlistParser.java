package org.agentmon.installer.lint;

import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import com.dd.plist.XMLPropertyListParser;
import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Parses a property list with dd-plist. An XML one goes through dd-plist's own document builder
 * (no network, no external entities) with an error handler that throws: without one the JDK's
 * parser prints {@code [Fatal Error] :1:40: ...} on stderr for every malformed file, and that
 * noise is not ours to print.
 */
final class PlistParser {
  private PlistParser() {}

  /** Throws every error and warning instead of printing it. */
  private static final ErrorHandler THROW = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };

  /**
   * @param content the file's bytes: XML (UTF-8 or UTF-16), binary or ASCII
   * @return the root object, or null for an empty file
   * @throws Exception what dd-plist or the XML parser throws for a malformed list
   */
  static NSObject parse(byte[] content) throws Exception { // dd-plist declares five unrelated types
    if (!isXml(content)) {
      return PropertyListParser.parse(content);
    }
    DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
    builder.setErrorHandler(THROW);
    int skip = xmlStart(content);
    return XMLPropertyListParser.parse(builder.parse(
        new InputSource(new ByteArrayInputStream(content, skip, content.length - skip))));
  }

  /** @return true for XML: a {@code <} first after an optional UTF-8 BOM and white space, or a UTF-16 BOM */
  static boolean isXml(byte[] content) {
    if (content.length >= 2 && ((content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff
        || (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe)) {
      return true;
    }
    int i = hasUtf8Bom(content) ? 3 : 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length && content[i] == '<';
  }

  /**
   * @return where the XML parser must start: after a UTF-8 BOM (dd-plist strips it too: the
   *     parser may choke on it) and after white space before {@code <?xml}, a fatal XML error
   *     that launchd tolerates (Tailscale writes such a file)
   */
  static int xmlStart(byte[] content) {
    int i = hasUtf8Bom(content) ? 3 : 0;
    while (i < content.length && isSpace(content[i])) {
      i++;
    }
    return i;
  }

  /** @return true when white space comes before the first {@code <} of a UTF-8 XML plist */
  static boolean hasLeadingSpace(byte[] content) {
    int i = hasUtf8Bom(content) ? 3 : 0;
    return i < content.length && isSpace(content[i]);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean hasUtf8Bom(byte[] content) {
    return content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf;
  }
}
