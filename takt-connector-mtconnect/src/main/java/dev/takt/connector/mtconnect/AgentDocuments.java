package dev.takt.connector.mtconnect;

import dev.takt.connector.mtconnect.AgentDocument.AgentError;
import dev.takt.connector.mtconnect.AgentDocument.Category;
import dev.takt.connector.mtconnect.AgentDocument.DataItem;
import dev.takt.connector.mtconnect.AgentDocument.Devices;
import dev.takt.connector.mtconnect.AgentDocument.Errors;
import dev.takt.connector.mtconnect.AgentDocument.Header;
import dev.takt.connector.mtconnect.AgentDocument.Observation;
import dev.takt.connector.mtconnect.AgentDocument.Streams;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads MTConnect response documents (probe, current/sample, error) with StAX.
 *
 * <p>The reader is hardened because an agent is a peer on the plant network, not a trusted
 * component: DTDs are not supported, external entities are never resolved, and a document carrying
 * a DOCTYPE is refused as a whole (that is how XXE and entity-expansion payloads arrive). Size is
 * bounded before parsing ({@link MtConnectConfig#maxDocumentSize()}). The namespace and version are
 * not checked: agents from 1.1 to 2.x are read alike by local names.
 */
final class AgentDocuments {

  private static final XMLInputFactory FACTORY = secureFactory();

  private AgentDocuments() {}

  /** A document that is not well-formed, not MTConnect, or hostile; refused as a whole. */
  static final class BadDocumentException extends Exception {
    BadDocumentException(String message) {
      super(message);
    }

    BadDocumentException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  static AgentDocument parse(byte[] document) throws BadDocumentException {
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw new BadDocumentException(
              "document declares a DOCTYPE; refused (DTDs and entities)");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          AgentDocument doc =
              switch (r.getLocalName()) {
                case "MTConnectDevices" -> devices(r);
                case "MTConnectStreams" -> streams(r);
                case "MTConnectError" -> errors(r);
                default ->
                    throw new BadDocumentException(
                        "not an MTConnect document: root element " + r.getLocalName());
              };
          while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.DTD) {
              throw new BadDocumentException("DOCTYPE after the root element");
            }
          }
          return doc;
        }
      }
      throw new BadDocumentException("empty document");
    } catch (XMLStreamException | RuntimeException e) {
      throw new BadDocumentException("malformed XML: " + e.getMessage(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing held beyond the byte array
        }
      }
    }
  }

  private static Devices devices(XMLStreamReader r)
      throws XMLStreamException, BadDocumentException {
    Header header = null;
    List<String> deviceNames = new ArrayList<>();
    Map<String, DataItem> items = new LinkedHashMap<>();
    String device = null;
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        switch (r.getLocalName()) {
          case "Header" -> header = header(r, false);
          case "Device", "Agent" -> {
            device = attr(r, "name");
            if (device == null) {
              device = attr(r, "uuid");
            }
            if (device == null) {
              throw new BadDocumentException("a device without name and uuid");
            }
            deviceNames.add(device);
          }
          case "DataItem" -> {
            if (device == null) {
              throw new BadDocumentException("a DataItem outside a Device");
            }
            String id = attr(r, "id");
            if (id == null) {
              throw new BadDocumentException("a DataItem without id in device " + device);
            }
            Category category = category(attr(r, "category"), id);
            items.put(
                id,
                new DataItem(
                    device,
                    id,
                    attr(r, "name"),
                    category,
                    attr(r, "type"),
                    attr(r, "subType"),
                    attr(r, "units"),
                    attr(r, "representation")));
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        String name = r.getLocalName();
        if (name.equals("Device") || name.equals("Agent")) {
          device = null;
        }
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new BadDocumentException("document ends inside MTConnectDevices");
      }
    }
    if (header == null) {
      throw new BadDocumentException("probe without Header");
    }
    return new Devices(header, List.copyOf(deviceNames), Map.copyOf(items));
  }

  private static Category category(String text, String id) throws BadDocumentException {
    if (text == null) {
      throw new BadDocumentException("DataItem " + id + " has no category");
    }
    return switch (text) {
      case "SAMPLE" -> Category.SAMPLE;
      case "EVENT" -> Category.EVENT;
      case "CONDITION" -> Category.CONDITION;
      default -> throw new BadDocumentException("DataItem " + id + " has category " + text);
    };
  }

  private static Streams streams(XMLStreamReader r)
      throws XMLStreamException, BadDocumentException {
    Header header = null;
    List<Observation> observations = new ArrayList<>();
    String device = null;
    Category category = null;
    int depth = 1;
    int containerDepth = -1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (category != null && depth == containerDepth + 1) {
          observations.add(observation(r, device, category));
          depth--; // observation() consumed the element up to its end
          continue;
        }
        switch (r.getLocalName()) {
          case "Header" -> header = header(r, true);
          case "DeviceStream" -> {
            device = attr(r, "name");
            if (device == null) {
              device = attr(r, "uuid");
            }
          }
          case "Samples", "Events", "Condition" -> {
            category =
                switch (r.getLocalName()) {
                  case "Samples" -> Category.SAMPLE;
                  case "Events" -> Category.EVENT;
                  default -> Category.CONDITION;
                };
            containerDepth = depth;
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == containerDepth) {
          category = null;
          containerDepth = -1;
        }
        if (r.getLocalName().equals("DeviceStream")) {
          device = null;
        }
        depth--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new BadDocumentException("document ends inside MTConnectStreams");
      }
    }
    if (header == null) {
      throw new BadDocumentException("streams document without Header");
    }
    return new Streams(header, observations);
  }

  private static Observation observation(XMLStreamReader r, String device, Category category)
      throws XMLStreamException {
    String element = r.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    if (category == Category.CONDITION) {
      for (String name : List.of("nativeCode", "nativeSeverity", "qualifier", "type")) {
        String value = attr(r, name);
        if (value != null) {
          attributes.put(name, value);
        }
      }
    }
    String dataItemId = attr(r, "dataItemId");
    String timestamp = attr(r, "timestamp");
    String sequence = attr(r, "sequence");
    String value = content(r);
    return new Observation(
        device, category, element, dataItemId, timestamp, sequence, value, Map.copyOf(attributes));
  }

  /**
   * The text of the current element up to its end. Data set and table entries ({@code <Entry
   * key="a">1</Entry>}) become {@code a=1} separated by spaces, as in SHDR; table cells nest in
   * braces.
   */
  private static String content(XMLStreamReader r) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    boolean entries = false;
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!entries) {
            text.append(r.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> {
          if (!entries) {
            text.setLength(0);
            entries = true;
          }
          if (!text.isEmpty()) {
            text.append(' ');
          }
          String key = attr(r, "key");
          String inner = content(r);
          text.append(key == null ? r.getLocalName() : key).append('=');
          text.append(inner.contains("=") ? "{" + inner + "}" : inner);
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return entries ? text.toString() : text.toString().strip();
        }
        case XMLStreamConstants.END_DOCUMENT ->
            throw new XMLStreamException("document ends inside an observation");
        default -> {}
      }
    }
  }

  /**
   * Errors of MTConnect 1.x to 2.5 ({@code <Error errorCode="OUT_OF_RANGE">text</Error>}) and of
   * 2.6+ (an element per error, {@code <OutOfRange>...<ErrorMessage>text</ErrorMessage>}).
   */
  private static Errors errors(XMLStreamReader r) throws XMLStreamException, BadDocumentException {
    Header header = null;
    List<AgentError> errors = new ArrayList<>();
    int depth = 1;
    int errorsDepth = -1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = r.getLocalName();
        if (name.equals("Header")) {
          header = header(r, false);
        } else if (name.equals("Error")) {
          String code = attr(r, "errorCode");
          errors.add(new AgentError(code == null ? "" : code, content(r)));
          depth--;
        } else if (name.equals("Errors")) {
          errorsDepth = depth;
        } else if (errorsDepth > 0 && depth == errorsDepth + 1) {
          errors.add(new AgentError(Observations.typeOf(name), errorMessage(r)));
          depth--;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new BadDocumentException("document ends inside MTConnectError");
      }
    }
    return new Errors(header == null ? new Header(null, -1, -1, -1) : header, errors);
  }

  /** Reads an MTConnect 2.6+ error element to its end, returning its ErrorMessage. */
  private static String errorMessage(XMLStreamReader r) throws XMLStreamException {
    String message = "";
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("ErrorMessage")) {
          message = r.getElementText().strip();
        } else {
          depth++;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new XMLStreamException("document ends inside an error");
      }
    }
    return message;
  }

  private static Header header(XMLStreamReader r, boolean sequences) throws BadDocumentException {
    String instanceId = attr(r, "instanceId");
    if (sequences && instanceId == null) {
      throw new BadDocumentException("Header without instanceId");
    }
    return new Header(
        instanceId,
        sequence(r, "firstSequence", sequences),
        sequence(r, "nextSequence", sequences),
        sequence(r, "lastSequence", sequences));
  }

  private static long sequence(XMLStreamReader r, String name, boolean required)
      throws BadDocumentException {
    String text = attr(r, name);
    if (text == null) {
      if (required) {
        throw new BadDocumentException("Header without " + name);
      }
      return -1;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value < 0) {
        throw new BadDocumentException("Header " + name + " is negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadDocumentException("Header " + name + " is not a number: " + cut(text));
    }
  }

  private static String attr(XMLStreamReader r, String name) {
    return r.getAttributeValue(null, name);
  }

  private static String cut(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
