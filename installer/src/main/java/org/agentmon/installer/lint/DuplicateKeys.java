package org.agentmon.installer.lint;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds a key written twice in one dictionary of an XML plist. Parsers (launchd's and dd-plist)
 * silently keep one of the two, so the other is a setting that never takes effect.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  static void check(byte[] xml, List<Finding> out) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false); // never fetch Apple's DTD
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader r = f.createXMLStreamReader(
        new ByteArrayInputStream(xml, PlistParser.xmlStart(xml), xml.length - PlistParser.xmlStart(xml)));
    Deque<Set<String>> dicts = new ArrayDeque<>();
    Deque<String> path = new ArrayDeque<>();
    String lastKey = null;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        if ("dict".equals(name)) {
          path.push(lastKey == null ? "" : lastKey);
          dicts.push(new HashSet<>());
          lastKey = null;
        } else if ("key".equals(name) && !dicts.isEmpty()) {
          String key = r.getElementText();
          if (!dicts.peek().add(key)) {
            out.add(Finding.error(join(path, key), "duplicate key in one dictionary; only one of them takes effect"));
          }
          lastKey = key;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && "dict".equals(r.getLocalName())) {
        dicts.pop();
        lastKey = path.pop();
      }
    }
  }

  private static String join(Deque<String> path, String key) {
    StringBuilder s = new StringBuilder();
    var it = path.descendingIterator();
    while (it.hasNext()) {
      String p = it.next();
      if (!p.isEmpty()) {
        s.append(p).append('.');
      }
    }
    return s.append(key).toString();
  }
}
