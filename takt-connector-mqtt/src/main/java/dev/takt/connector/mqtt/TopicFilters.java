package dev.takt.connector.mqtt;

/** MQTT topic filter rules: validation and matching of a topic name against a filter. */
final class TopicFilters {

  private TopicFilters() {}

  static void checkFilter(String filter) {
    if (filter == null || filter.isEmpty()) {
      throw new IllegalArgumentException("topic filter is empty");
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.equals("#") && i != levels.length - 1) {
        throw new IllegalArgumentException("'#' must be the last level: " + filter);
      }
      if (level.length() > 1 && (level.contains("#") || level.contains("+"))) {
        throw new IllegalArgumentException("a wildcard must fill a whole level: " + filter);
      }
    }
  }

  /** Whether {@code topic} (a topic name, no wildcards) matches {@code filter}. */
  static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
