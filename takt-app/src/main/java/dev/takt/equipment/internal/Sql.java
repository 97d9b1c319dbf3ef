package dev.takt.equipment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Builds a query from optional filters, so that no filter needs vendor-specific SQL. */
final class Sql {
  private final StringBuilder text;
  private final Map<String, Object> params = new HashMap<>();

  Sql(String select) {
    this.text = new StringBuilder(select);
  }

  static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Appends {@code condition} when {@code value} is not null. */
  Sql and(String condition, String param, Object value) {
    if (value != null) {
      text.append(" AND ").append(condition);
      params.put(param, value);
    }
    return this;
  }

  /** Restricts {@code column} to the caller's sites, unless the caller acts on every site. */
  Sql inSites(String column, Set<String> sites) {
    if (sites != null && sites.isEmpty()) {
      text.append(" AND 1 = 0");
    } else if (sites != null) {
      text.append(" AND ").append(column).append(" IN (:sites)");
      params.put("sites", sites);
    }
    return this;
  }

  Sql append(String more) {
    text.append(more);
    return this;
  }

  Sql param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  String text() {
    return text.toString();
  }

  Map<String, Object> params() {
    return params;
  }
}
