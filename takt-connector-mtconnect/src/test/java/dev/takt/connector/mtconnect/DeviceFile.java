package dev.takt.connector.mtconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A real MTConnect device file read with DOM, independently of the connector's StAX reader: the
 * test agent serves it as its probe and uses it to turn SHDR keys into data items.
 */
record DeviceFile(String xml, List<Device> devices) {

  record Device(String name, String uuid, List<Item> items) {}

  /** A data item and the component it belongs to (for the ComponentStream of a streams doc). */
  record Item(
      String device,
      String id,
      String name,
      String category,
      String type,
      String subType,
      String units,
      String component,
      String componentId,
      String componentName) {

    boolean isCondition() {
      return category.equals("CONDITION");
    }
  }

  static DeviceFile read(Path file) {
    try {
      String xml = Files.readString(file);
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
      List<Device> devices = new ArrayList<>();
      NodeList deviceNodes = root.getElementsByTagNameNS("*", "Device");
      for (int i = 0; i < deviceNodes.getLength(); i++) {
        Element device = (Element) deviceNodes.item(i);
        String name = device.getAttribute("name");
        List<Item> items = new ArrayList<>();
        NodeList itemNodes = device.getElementsByTagNameNS("*", "DataItem");
        for (int j = 0; j < itemNodes.getLength(); j++) {
          Element item = (Element) itemNodes.item(j);
          Element component = (Element) item.getParentNode().getParentNode();
          items.add(
              new Item(
                  name,
                  item.getAttribute("id"),
                  attr(item, "name"),
                  item.getAttribute("category"),
                  item.getAttribute("type"),
                  attr(item, "subType"),
                  attr(item, "units"),
                  component.getLocalName(),
                  component.getAttribute("id"),
                  attr(component, "name")));
        }
        devices.add(new Device(name, device.getAttribute("uuid"), items));
      }
      return new DeviceFile(xml, devices);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + file, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + file, e);
    }
  }

  Device device(String name) {
    return devices.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no device " + name));
  }

  /** How an SHDR adapter names a data item: by name, else by id. */
  Map<String, Item> shdrKeys(String device) {
    Map<String, Item> keys = new LinkedHashMap<>();
    for (Item item : device(device).items()) {
      keys.put(item.id(), item);
    }
    for (Item item : device(device).items()) {
      if (item.name() != null) {
        keys.put(item.name(), item);
      }
    }
    return keys;
  }

  List<Item> items() {
    return devices.stream().flatMap(d -> d.items().stream()).toList();
  }

  private static String attr(Element e, String name) {
    Node a = e.getAttributeNode(name);
    return a == null ? null : a.getNodeValue();
  }
}
