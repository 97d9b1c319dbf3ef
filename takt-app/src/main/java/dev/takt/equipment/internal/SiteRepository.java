package dev.takt.equipment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of sites. */
@Repository
class SiteRepository {

  private final JdbcClient jdbc;

  SiteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> activeCodes() {
    return jdbc.sql("SELECT code FROM equipment_site WHERE active = TRUE ORDER BY code")
        .query(String.class)
        .list();
  }

  Optional<Site> byCode(String code) {
    return jdbc.sql("SELECT * FROM equipment_site WHERE code = :code")
        .param("code", code)
        .query(this::map)
        .optional();
  }

  Optional<Site> byId(UUID id) {
    return jdbc.sql("SELECT * FROM equipment_site WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** Sites in code order after {@code afterCode}; null filters mean any. */
  List<Site> page(String afterCode, String code, Boolean active, Set<String> sites, int limit) {
    Sql sql =
        new Sql("SELECT * FROM equipment_site WHERE code > :after")
            .param("after", afterCode == null ? "" : afterCode)
            .and("code = :code", "code", code)
            .and("active = :active", "active", active)
            .inSites("code", sites)
            .append(" ORDER BY code LIMIT :limit")
            .param("limit", limit);
    return jdbc.sql(sql.text()).params(sql.params()).query(this::map).list();
  }

  void insert(Site s, Instant now) {
    jdbc.sql(
            """
            INSERT INTO equipment_site (id, code, name, time_zone, active, created_at, updated_at,
              version)
            VALUES (:id, :code, :name, :zone, :active, :now, :now, :version)
            """)
        .param("id", s.id())
        .param("code", s.code())
        .param("name", s.name())
        .param("zone", s.zone().getId())
        .param("active", s.active())
        .param("now", Sql.ts(now))
        .param("version", s.version())
        .update();
  }

  /** Writes name, zone and state; false when the version is stale. */
  boolean update(Site s, Instant now) {
    return jdbc.sql(
                """
                UPDATE equipment_site SET name = :name, time_zone = :zone, active = :active,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("name", s.name())
            .param("zone", s.zone().getId())
            .param("active", s.active())
            .param("now", Sql.ts(now))
            .param("id", s.id())
            .param("version", s.version())
            .update()
        == 1;
  }

  private Site map(ResultSet rs, int row) throws SQLException {
    return new Site(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        ZoneId.of(rs.getString("time_zone")),
        rs.getBoolean("active"),
        rs.getLong("version"));
  }
}
