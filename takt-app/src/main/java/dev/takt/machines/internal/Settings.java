package dev.takt.machines.internal;

import dev.takt.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of an integrator's JSON (connection settings, machine mappings): each value is
 * read by name with its type and bounds, and {@link #noOthers()} refuses keys nobody read, so a
 * typo is a 400 naming the field ({@code settings.monitoredItems[2].nodeId}) instead of a setting
 * silently ignored.
 */
public final class Settings {

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new LinkedHashSet<>();

  private Settings(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The object at the root, named {@code path} in errors. */
  public static Settings root(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(path, "must be a JSON object");
    }
    return new Settings(node, path);
  }

  public String path() {
    return path;
  }

  public String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public InvalidInputException invalid(String key, String message) {
    return new InvalidInputException(
        key != null ? field(key) : path.isEmpty() ? null : path, message);
  }

  private JsonNode value(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  public boolean has(String key) {
    return value(key) != null;
  }

  public String text(String key, boolean required, int maxLength) {
    JsonNode v = value(key);
    if (v == null) {
      if (required) {
        throw invalid(key, "is required");
      }
      return null;
    }
    if (!v.isString()) {
      throw invalid(key, "must be a text");
    }
    String s = v.stringValue();
    if (required && s.isBlank()) {
      throw invalid(key, "must not be blank");
    }
    if (s.length() > maxLength) {
      throw invalid(key, "is longer than " + maxLength + " characters");
    }
    return s;
  }

  public long integer(String key, long fallback, long min, long max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw invalid(key, "must be a whole number");
    }
    long n = v.longValue();
    if (n < min || n > max) {
      throw invalid(key, "must be within " + min + ".." + max);
    }
    return n;
  }

  public Double number(String key, double min, double max) {
    JsonNode v = value(key);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw invalid(key, "must be a number");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d) || d < min || d > max) {
      throw invalid(key, "must be within " + min + ".." + max);
    }
    return d;
  }

  public boolean flag(String key, boolean fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw invalid(key, "must be true or false");
    }
    return v.booleanValue();
  }

  public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    String s = text(key, fallback == null, 40);
    if (s == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw invalid(key, "must be one of " + names);
    }
  }

  public Settings object(String key, boolean required) {
    JsonNode v = value(key);
    if (v == null) {
      if (required) {
        throw invalid(key, "is required");
      }
      return null;
    }
    if (!v.isObject()) {
      throw invalid(key, "must be a JSON object");
    }
    return new Settings(v, field(key));
  }

  /** The entries of an object whose keys are free (names to values), at most {@code max}. */
  public List<java.util.Map.Entry<String, JsonNode>> entries(String key, int max) {
    JsonNode v = value(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isObject()) {
      throw invalid(key, "must be a JSON object");
    }
    if (v.size() > max) {
      throw invalid(key, "has more than " + max + " entries");
    }
    return new ArrayList<>(v.properties());
  }

  public List<Settings> objects(String key, boolean required, int max) {
    JsonNode v = array(key, required, max);
    List<Settings> list = new ArrayList<>();
    if (v != null) {
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isObject()) {
          throw new InvalidInputException(field(key) + "[" + i + "]", "must be a JSON object");
        }
        list.add(new Settings(item, field(key) + "[" + i + "]"));
      }
    }
    return list;
  }

  public List<String> texts(String key, int max, int maxLength) {
    JsonNode v = array(key, false, max);
    List<String> list = new ArrayList<>();
    if (v != null) {
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        String at = field(key) + "[" + i + "]";
        if (!item.isString() || item.stringValue().isBlank()) {
          throw new InvalidInputException(at, "must be a text");
        }
        if (item.stringValue().length() > maxLength) {
          throw new InvalidInputException(at, "is longer than " + maxLength + " characters");
        }
        list.add(item.stringValue());
      }
    }
    return list;
  }

  private JsonNode array(String key, boolean required, int max) {
    JsonNode v = value(key);
    if (v == null) {
      if (required) {
        throw invalid(key, "is required");
      }
      return null;
    }
    if (!v.isArray()) {
      throw invalid(key, "must be a JSON array");
    }
    if (v.size() > max) {
      throw invalid(key, "has more than " + max + " entries");
    }
    return v;
  }

  /** Refuses keys that were not read: they are typos or settings of another protocol. */
  public void noOthers() {
    for (String key : node.propertyNames()) {
      if (!read.contains(key)) {
        throw new InvalidInputException(field(key), "is not a known setting here");
      }
    }
  }
}
