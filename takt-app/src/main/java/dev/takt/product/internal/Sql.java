package dev.takt.product.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Time conversions for JDBC, the same on H2 and PostgreSQL. */
final class Sql {
  private Sql() {}

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A decimal without the trailing zeros the database pads it with, never in E notation. */
  static java.math.BigDecimal plain(java.math.BigDecimal value) {
    if (value == null) {
      return null;
    }
    java.math.BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
