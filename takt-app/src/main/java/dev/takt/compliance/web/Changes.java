package dev.takt.compliance.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The top-level fields of an audit record's old and new value, side by side, with the changed ones
 * marked. Values are JSON as recorded; a value that is not a JSON object is shown as one field.
 */
final class Changes {

  /** One field: its old and new value as display text (null: absent), and whether it changed. */
  record Field(String name, String oldValue, String newValue, boolean changed) {}

  private Changes() {}

  static List<Field> between(ObjectMapper json, String oldValue, String newValue) {
    JsonNode before = parse(json, oldValue);
    JsonNode after = parse(json, newValue);
    Set<String> names = new LinkedHashSet<>();
    names.addAll(before.propertyNames());
    names.addAll(after.propertyNames());
    // A creation or a deletion has one side only: nothing to compare, nothing to highlight.
    boolean bothSides = !before.isEmpty() && !after.isEmpty();
    List<Field> fields = new ArrayList<>();
    for (String name : names) {
      JsonNode o = before.get(name);
      JsonNode n = after.get(name);
      fields.add(new Field(name, text(o), text(n), bothSides && !Objects.equals(o, n)));
    }
    return fields;
  }

  private static JsonNode parse(ObjectMapper json, String value) {
    if (value == null || value.isBlank()) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(value);
      if (node.isObject()) {
        return node;
      }
      return json.createObjectNode().set("value", node);
    } catch (JacksonException notJson) {
      return json.createObjectNode().put("value", value);
    }
  }

  private static String text(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isString() ? node.asString() : node.toString();
  }
}
