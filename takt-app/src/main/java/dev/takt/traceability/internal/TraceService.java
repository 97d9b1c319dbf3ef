package dev.takt.traceability.internal;

import dev.takt.identity.SiteAccess;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Backward and forward traces over the genealogy graph.
 *
 * <p>One statement per trace: a {@code WITH RECURSIVE} walk from the start lot over (lot, hops),
 * each lot kept once at its fewest hops, the nearest {@code maxLots} of them (by hops, then id)
 * joined by primary key to their rows and to the links between them. The walk uses {@code UNION},
 * not {@code UNION ALL}, so a (lot, hops) pair is visited once, and stops at the depth limit, so
 * bad data with a cycle ends at the limit instead of running forever. A trace that reaches more
 * lots than {@code maxLots} answers the nearest ones and says {@code truncated}; a lot reached by
 * many paths counts once, so a recall is never cut short by the number of paths.
 *
 * <p>The API's trace is a JSON document ({@link #json}). On PostgreSQL the same statement builds it
 * ({@code json_build_object}, {@code json_agg}) and its bytes go to the response as they come: no
 * row becomes a Java object, so the API costs little more than the bare query. On H2 the rows are
 * mapped into a {@link Trace} and Jackson writes it; both give the same document (field names and
 * order, numbers without trailing zeros, instants as ISO-8601 in UTC), which TraceJsonIT checks.
 */
@Service
public class TraceService {

  /** How far a trace walks by default and at most: fifty steps of genealogy. */
  public static final int MAX_DEPTH = 50;

  /** How many lots a trace returns by default. */
  public static final int DEFAULT_MAX_LOTS = 10_000;

  /** How many lots a trace may return at most, whatever is asked. */
  public static final int HARD_MAX_LOTS = 50_000;

  public enum Direction {
    /** Towards the inputs: what went into the lot, down to the raw material and its supplier. */
    BACKWARD,
    /** Towards the outputs: every lot, serial and shipment that contains the lot. */
    FORWARD
  }

  /** A lot reached by a trace, and in how many steps at the fewest. */
  public record Node(Lot lot, int depth) {}

  /** A trace: the start lot, the lots reached, the links walked, shipments of the lots reached. */
  public record Trace(
      Lot root,
      Direction direction,
      int depth,
      int maxLots,
      boolean truncated,
      List<Node> lots,
      List<Link> links,
      List<Shipment> shipments) {}

  private final JdbcClient jdbc;
  private final LotRepository lots;
  private final SiteAccess siteAccess;
  private final ObjectMapper json;
  private final boolean postgres;

  TraceService(
      JdbcClient jdbc,
      LotRepository lots,
      SiteAccess siteAccess,
      ObjectMapper json,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.lots = lots;
    this.siteAccess = siteAccess;
    this.json = json;
    try (Connection c = dataSource.getConnection()) {
      postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }

  /** The trace of a lot the caller may see (its site), within the limits given. */
  @Transactional(readOnly = true)
  public Trace trace(UUID lotId, Direction direction, Integer depth, Integer maxLots) {
    Lot root = lots.find(lotId).orElseThrow(() -> new NotFoundException("lot", lotId));
    siteAccess.requireSite(root.site());
    return trace(root, direction, depthOf(depth), maxLotsOf(maxLots));
  }

  /**
   * The trace of {@code root} (a lot just read, of a site the caller may see) as the API's JSON
   * document: the fields of {@link Trace}, UTF-8.
   */
  @Transactional(readOnly = true)
  public byte[] json(Lot root, Direction direction, Integer depth, Integer maxLots) {
    siteAccess.requireSite(root.site());
    int d = depthOf(depth);
    int max = maxLotsOf(maxLots);
    return postgres
        ? jsonFromPostgres(root.id(), direction, d, max)
        : jsonMappedInJava(root, direction, d, max);
  }

  /** The document as H2 makes it: rows mapped into a {@link Trace}, written by Jackson. */
  byte[] jsonMappedInJava(Lot root, Direction direction, int depth, int maxLots) {
    return json.writeValueAsBytes(trace(root, direction, depth, maxLots));
  }

  private static int depthOf(Integer depth) {
    int d = depth == null ? MAX_DEPTH : depth;
    if (d < 1 || d > MAX_DEPTH) {
      throw new InvalidInputException("depth", "must be between 1 and " + MAX_DEPTH);
    }
    return d;
  }

  private static int maxLotsOf(Integer maxLots) {
    int max = maxLots == null ? DEFAULT_MAX_LOTS : maxLots;
    if (max < 1 || max > HARD_MAX_LOTS) {
      throw new InvalidInputException("maxLots", "must be between 1 and " + HARD_MAX_LOTS);
    }
    return max;
  }

  /** Whether {@link #json} accepts these limits (null: the default). */
  static boolean withinLimits(Integer depth, Integer maxLots) {
    return (depth == null || (depth >= 1 && depth <= MAX_DEPTH))
        && (maxLots == null || (maxLots >= 1 && maxLots <= HARD_MAX_LOTS));
  }

  /** Whether {@link #jsonOfNamed} can answer: on PostgreSQL, which writes the document itself. */
  boolean findsAndTracesInOneStatement() {
    return postgres;
  }

  /** How a request names the start lot: by id, or by number with or without its material. */
  record LotName(UUID id, String material, String number) {}

  /**
   * A lot the name matched: its id, site and material, and the trace document if it was the only
   * lot matched and of a site the caller may see (else null: nothing was walked).
   */
  record Named(UUID id, String site, String material, byte[] json) {}

  /**
   * Finds the lots {@code name} names and, when it names exactly one and that lot's site is among
   * {@code sites} (absent: every site), writes its trace as {@link #json} does: one statement on
   * the connection as it comes from the pool, no transaction of its own (a single statement reads
   * one snapshot anyway), so one round trip to the database. The caller turns no lot, several lots
   * or a site it may not see into the refusals a separate look-up gives ({@link
   * LotService#traceJson}). PostgreSQL only ({@link #findsAndTracesInOneStatement}).
   */
  List<Named> jsonOfNamed(
      LotName name,
      Direction direction,
      Integer depth,
      Integer maxLots,
      Optional<Set<String>> sites) {
    if (!postgres) {
      throw new IllegalStateException("only PostgreSQL writes the trace document");
    }
    int d = depthOf(depth);
    int max = maxLotsOf(maxLots);
    String match =
        name.id() != null
            ? "t.id = :id"
            : name.material() != null
                ? "t.material = :material AND t.lot_number = :number"
                : "t.lot_number = :number";
    String mayBeSeen =
        sites.isEmpty() ? "TRUE" : sites.get().isEmpty() ? "FALSE" : "n.site_code IN (:sites)";
    // The lots are sorted (for the refusal that names their materials) before the document is
    // written beside them: sorted after, the row with a hub's 10 MB document spilt to disk.
    String sql =
        """
        WITH RECURSIVE named AS (
            SELECT t.id, t.site_code, t.material FROM traceability_lot t WHERE %s
        ),
        start AS (
            SELECT n.id FROM named n WHERE (SELECT COUNT(*) FROM named) = 1 AND %s
        ),
        %s
        SELECT n.id, n.site_code, n.material,
               CASE WHEN n.id IN (SELECT id FROM start) THEN %s END AS document
          FROM (SELECT id, site_code, material FROM named ORDER BY material) n
        """
            .formatted(
                match,
                mayBeSeen,
                walk(direction, d, max, "SELECT id, 0 FROM start"),
                document(direction, d, max, "n.id"));
    var statement = jdbc.sql(sql);
    if (name.id() != null) {
      statement = statement.param("id", name.id());
    } else {
      statement = statement.param("number", name.number());
      if (name.material() != null) {
        statement = statement.param("material", name.material());
      }
    }
    if (sites.isPresent() && !sites.get().isEmpty()) {
      statement = statement.param("sites", List.copyOf(sites.get()));
    }
    return statement
        .query(
            (rs, n) ->
                new Named(
                    rs.getObject("id", UUID.class),
                    rs.getString("site_code"),
                    rs.getString("material"),
                    rs.getBytes("document")))
        .list();
  }

  /**
   * The document as PostgreSQL writes it, in one statement: the walk as in {@link #trace(Lot,
   * Direction, int, int)}, but the nearest lots picked by a bounded sort ({@code ORDER BY ...
   * LIMIT}, a top-N heap) instead of numbering every lot reached, and the lots, links and shipments
   * turned into JSON where they are read. The bytes are the column's bytes as the driver received
   * them (UTF-8, the driver's client encoding): no string is decoded and encoded again.
   *
   * <p>The limits are written into the statement (checked integers), only the start lot is a
   * parameter: the driver prepares a statement it runs often, PostgreSQL then plans it once for any
   * parameter, and with the limits unknown that generic plan guessed two lots reached and joined
   * the links of a hub trace by nested loops, lot by lot (minutes instead of a second).
   */
  byte[] jsonFromPostgres(UUID root, Direction direction, int depth, int maxLots) {
    String sql =
        "WITH RECURSIVE "
            + walk(direction, depth, maxLots, "SELECT CAST(:root AS UUID), 0")
            + "\nSELECT "
            + document(direction, depth, maxLots, "CAST(:root AS UUID)");
    return jdbc.sql(sql).param("root", root).query((rs, n) -> rs.getBytes(1)).single();
  }

  /**
   * The walk from the lots {@code start} selects (as (lot, 0)) and the lots it keeps: {@code
   * nearest}, at most {@code maxLots + 1} (one more tells that the trace is cut short), and {@code
   * reached}, the nearest {@code maxLots}. Common table expressions, to follow {@code WITH
   * RECURSIVE}.
   */
  private static String walk(Direction direction, int depth, int maxLots, String start) {
    boolean forward = direction == Direction.FORWARD;
    return """
        walk (lot_id, hops) AS (
            %3$s
          UNION
            SELECT l.%2$s, w.hops + 1
              FROM walk w JOIN traceability_link l ON l.%1$s = w.lot_id
             WHERE w.hops < %4$d
        ),
        nearest (lot_id, depth) AS (
            SELECT lot_id, MIN(hops) FROM walk GROUP BY lot_id ORDER BY 2, 1 LIMIT %6$d
        ),
        reached AS MATERIALIZED (
            SELECT lot_id, depth FROM nearest ORDER BY depth, lot_id LIMIT %5$d
        )"""
        .formatted(
            forward ? "parent_id" : "child_id",
            forward ? "child_id" : "parent_id",
            start,
            depth,
            maxLots,
            maxLots + 1);
  }

  /**
   * The trace document of the start lot {@code root} (an expression) over {@link #walk}'s {@code
   * nearest} and {@code reached}: one text value, the fields of {@link Trace}.
   */
  private static String document(Direction direction, int depth, int maxLots, String root) {
    boolean forward = direction == Direction.FORWARD;
    return """
        CAST(json_build_object(
            'root', (SELECT %3$s FROM traceability_lot t WHERE t.id = %10$s),
            'direction', '%8$s',
            'depth', %6$d,
            'maxLots', %7$d,
            'truncated', (SELECT COUNT(*) FROM nearest) > %7$d,
            'lots', COALESCE((
                SELECT json_agg(json_build_object('lot', %3$s, 'depth', r.depth)
                                ORDER BY r.depth, t.material COLLATE "C",
                                         t.lot_number COLLATE "C")
                  FROM reached r JOIN traceability_lot t ON t.id = r.lot_id), '[]'),
            'links', COALESCE((
                SELECT json_agg(%4$s ORDER BY r.depth, k.linked_at, k.id)
                  FROM reached r JOIN traceability_link k ON k.%2$s = r.lot_id
                 WHERE k.%1$s IN (SELECT lot_id FROM reached)), '[]'),
            'shipments', COALESCE((
                SELECT json_agg(%5$s ORDER BY s.shipped_at, s.id)
                  FROM traceability_shipment s
                 WHERE %9$s AND s.lot_id IN (SELECT lot_id FROM reached)), '[]')
          ) AS TEXT)"""
        .formatted(
            forward ? "parent_id" : "child_id",
            forward ? "child_id" : "parent_id",
            LOT_JSON,
            LINK_JSON,
            SHIPMENT_JSON,
            depth,
            maxLots,
            direction.name(),
            forward,
            root);
  }

  /** An instant as Jackson writes it: ISO-8601 in UTC, fractions in groups of three digits. */
  private static String instant(String column) {
    return """
        to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || CASE
          WHEN CAST(date_part('microseconds', %1$s) AS INT) %% 1000000 = 0 THEN ''
          WHEN CAST(date_part('microseconds', %1$s) AS INT) %% 1000 = 0
            THEN to_char(%1$s AT TIME ZONE 'UTC', '.MS')
          ELSE to_char(%1$s AT TIME ZONE 'UTC', '.US') END || 'Z'"""
        .formatted(column);
  }

  /**
   * A quantity as Jackson writes a {@code Quantity}: the value without trailing zeros, the unit.
   */
  private static String quantity(String value, String unit) {
    return "json_build_object('value', trim_scale(%1$s), 'unit', %2$s)".formatted(value, unit);
  }

  /** A {@link Lot} of the row {@code t}, its fields in the record's order. */
  private static final String LOT_JSON =
      """
      json_build_object('id', t.id, 'site', t.site_code, 'material', t.material,
        'lotNumber', t.lot_number, 'serial', t.serial, 'origin', t.origin,
        'quantity', %s, 'remaining', %s, 'supplier', t.supplier,
        'supplierLot', t.supplier_lot, 'expiry', t.expiry, 'orderNumber', t.order_number,
        'status', t.status, 'version', t.version, 'createdAt', %s, 'createdBy', t.created_by)"""
          .formatted(
              quantity("t.quantity", "t.unit"),
              quantity("t.remaining", "t.unit"),
              instant("t.created_at"));

  /** A {@link Link} of the row {@code k}. */
  private static final String LINK_JSON =
      """
      json_build_object('id', k.id, 'parentId', k.parent_id, 'childId', k.child_id,
        'kind', k.kind, 'quantity', %s, 'orderNumber', k.order_number,
        'operationId', k.operation_id, 'operationSequence', k.operation_seq,
        'workUnit', k.work_unit, 'operator', k.operator, 'at', %s)"""
          .formatted(quantity("k.quantity", "k.unit"), instant("k.linked_at"));

  /** A {@link Shipment} of the row {@code s}. */
  private static final String SHIPMENT_JSON =
      """
      json_build_object('id', s.id, 'lotId', s.lot_id, 'customer', s.customer,
        'delivery', s.delivery, 'quantity', %s, 'shippedAt', %s, 'shippedBy', s.shipped_by)"""
          .formatted(quantity("s.quantity", "s.unit"), instant("s.shipped_at"));

  Trace trace(Lot root, Direction direction, int depth, int maxLots) {
    boolean forward = direction == Direction.FORWARD;
    String from = forward ? "parent_id" : "child_id";
    String to = forward ? "child_id" : "parent_id";
    // The walk visits (lot, hops) pairs only; each lot reached is kept once at its fewest hops,
    // the nearest maxLots + 1 of them are joined to their rows by primary key, and each comes
    // with the links that lead to it from another lot of the trace (one row per such link).
    String sql =
        """
        WITH RECURSIVE walk (lot_id, hops) AS (
            SELECT CAST(:root AS UUID), 0
          UNION
            SELECT l.%2$s, w.hops + 1
              FROM walk w JOIN traceability_link l ON l.%1$s = w.lot_id
             WHERE w.hops < %4$d
        ),
        reached (lot_id, depth, rn) AS (
            SELECT lot_id, depth, ROW_NUMBER() OVER (ORDER BY depth, lot_id)
              FROM (SELECT lot_id, MIN(hops) AS depth FROM walk GROUP BY lot_id) g
             ORDER BY depth, lot_id
             LIMIT %5$d
        )
        SELECT r.depth AS walk_hops, r.rn AS walk_rank, k.id AS k_id,
               k.parent_id AS k_parent_id, k.child_id AS k_child_id, k.kind AS k_kind,
               k.quantity AS k_quantity, k.unit AS k_unit, k.order_number AS k_order_number,
               k.operation_id AS k_operation_id, k.operation_seq AS k_operation_seq,
               k.work_unit AS k_work_unit, k.operator AS k_operator, k.linked_at AS k_linked_at,
               %3$s
          FROM reached r
          JOIN traceability_lot t ON t.id = r.lot_id
          LEFT JOIN traceability_link k
            ON k.%2$s = r.lot_id AND k.%1$s IN (SELECT lot_id FROM reached)
        """
            // the limits written in, as in jsonFromPostgres: no generic plan that guesses them
            .formatted(from, to, LotRepository.LOT_COLUMNS, depth, maxLots + 1);
    Map<UUID, Node> nodes = new LinkedHashMap<>();
    Map<UUID, Link> links = new LinkedHashMap<>();
    long[] reachedCount = {0};
    jdbc.sql(sql)
        .param("root", root.id())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  long r = rs.getLong("walk_rank");
                  reachedCount[0] = Math.max(reachedCount[0], r);
                  if (r > maxLots) {
                    return; // the one lot past the cap only tells that the trace is cut short
                  }
                  UUID id = rs.getObject("id", UUID.class);
                  if (!nodes.containsKey(id)) {
                    nodes.put(id, new Node(LotRepository.lot(rs), rs.getInt("walk_hops")));
                  }
                  UUID linkId = rs.getObject("k_id", UUID.class);
                  if (linkId != null) {
                    links.putIfAbsent(linkId, LotRepository.link(rs, "k_"));
                  }
                });
    // a link from the lot past the cap is not part of the answer
    links
        .values()
        .removeIf(k -> !nodes.containsKey(k.parentId()) || !nodes.containsKey(k.childId()));
    boolean truncated = reachedCount[0] > maxLots;
    List<Node> reached = new ArrayList<>(nodes.values());
    reached.sort(
        Comparator.comparingInt(Node::depth)
            .thenComparing(n -> n.lot().material())
            .thenComparing(n -> n.lot().lotNumber()));
    List<Shipment> shipments =
        forward ? lots.shipmentsOf(reached.stream().map(n -> n.lot().id()).toList()) : List.of();
    // links in the order PostgreSQL writes them: by the hops to the lot they lead to, then time
    List<Link> walked = new ArrayList<>(links.values());
    walked.sort(
        Comparator.<Link>comparingInt(k -> nodes.get(forward ? k.childId() : k.parentId()).depth())
            .thenComparing(Link::at)
            .thenComparing(k -> k.id().toString()));
    return new Trace(root, direction, depth, maxLots, truncated, reached, walked, shipments);
  }

  /** One line of a recall report: an affected lot, where it stands now, where it went. */
  public record RecallLine(
      int depth,
      String site,
      String material,
      String lotNumber,
      boolean serial,
      LotStatus status,
      java.math.BigDecimal quantity,
      java.math.BigDecimal remaining,
      String unit,
      String orderNumber,
      String shippedTo,
      UUID lotId) {}

  /** A recall report: the forward trace of a lot as lines, sorted as asked. */
  public record Recall(Lot root, boolean truncated, List<RecallLine> lines) {}

  /** The columns a recall report sorts by; a leading '-' sorts descending. */
  public static final List<String> RECALL_SORTS =
      List.of("depth", "site", "material", "lotNumber", "status", "remaining", "shippedTo");

  @Transactional(readOnly = true)
  public Recall recall(UUID lotId, String sort, Integer maxLots) {
    Trace trace =
        trace(lotId, Direction.FORWARD, MAX_DEPTH, maxLots == null ? HARD_MAX_LOTS : maxLots);
    Comparator<RecallLine> order = comparator(sort);
    Map<UUID, List<String>> customers = new HashMap<>();
    for (Shipment s : trace.shipments()) {
      customers.computeIfAbsent(s.lotId(), k -> new ArrayList<>()).add(s.customer());
    }
    List<RecallLine> lines = new ArrayList<>();
    for (Node node : trace.lots()) {
      Lot l = node.lot();
      lines.add(
          new RecallLine(
              node.depth(),
              l.site(),
              l.material(),
              l.lotNumber(),
              l.serial(),
              l.status(),
              l.quantity().value(),
              l.remaining().value(),
              l.quantity().unit().code(),
              l.orderNumber(),
              String.join("; ", customers.getOrDefault(l.id(), List.of())),
              l.id()));
    }
    lines.sort(order);
    return new Recall(trace.root(), trace.truncated(), lines);
  }

  private static Comparator<RecallLine> comparator(String sort) {
    String key = sort == null || sort.isBlank() ? "depth" : sort.strip();
    boolean descending = key.startsWith("-");
    if (descending) {
      key = key.substring(1);
    }
    Comparator<RecallLine> by =
        switch (key) {
          case "depth" -> Comparator.comparingInt(RecallLine::depth);
          case "site" -> Comparator.comparing(RecallLine::site);
          case "material" -> Comparator.comparing(RecallLine::material);
          case "lotNumber" -> Comparator.comparing(RecallLine::lotNumber);
          case "status" -> Comparator.comparing(r -> r.status().name());
          case "remaining" -> Comparator.comparing(RecallLine::remaining);
          case "shippedTo" -> Comparator.comparing(RecallLine::shippedTo);
          default ->
              throw new InvalidInputException(
                  "sort", "must be one of " + RECALL_SORTS + ", with '-' before it to sort down");
        };
    if (descending) {
      by = by.reversed();
    }
    return by.thenComparing(RecallLine::material).thenComparing(RecallLine::lotNumber);
  }
}
