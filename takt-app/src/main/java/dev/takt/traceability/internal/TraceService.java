package dev.takt.traceability.internal;

import dev.takt.identity.SiteAccess;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backward and forward traces over the genealogy graph.
 *
 * <p>One statement per trace: a {@code WITH RECURSIVE} walk from the start lot over (lot, hops, the
 * link taken with its columns), joined once to the lots it reaches by primary key. The walk uses
 * {@code UNION}, not {@code UNION ALL}, so a step it has taken is not taken again, and stops at the
 * depth limit, so bad data with a cycle ends at the limit instead of running forever.
 *
 * <p>PostgreSQL walks breadth first, so the nearest lots come first. A trace keeps at most {@code
 * maxLots} lots (each once, at its smallest depth) and says {@code truncated} when there were more;
 * the walk itself is capped in the statement at {@value #STEPS_PER_LOT} steps per lot asked for
 * ({@code LIMIT}: PostgreSQL stops walking there), since a lot is often reached by several links.
 */
@Service
public class TraceService {

  /** How far a trace walks by default and at most: fifty steps of genealogy. */
  public static final int MAX_DEPTH = 50;

  /** How many lots a trace returns by default. */
  public static final int DEFAULT_MAX_LOTS = 10_000;

  /** How many lots a trace may return at most, whatever is asked. */
  public static final int HARD_MAX_LOTS = 50_000;

  /** Steps of the walk allowed per lot asked for: lots are reached by several links. */
  static final int STEPS_PER_LOT = 8;

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

  TraceService(JdbcClient jdbc, LotRepository lots, SiteAccess siteAccess) {
    this.jdbc = jdbc;
    this.lots = lots;
    this.siteAccess = siteAccess;
  }

  /** The trace of a lot the caller may see (its site), within the limits given. */
  @Transactional(readOnly = true)
  public Trace trace(UUID lotId, Direction direction, Integer depth, Integer maxLots) {
    Lot root = lots.find(lotId).orElseThrow(() -> new NotFoundException("lot", lotId));
    siteAccess.requireSite(root.site());
    int d = depth == null ? MAX_DEPTH : depth;
    int max = maxLots == null ? DEFAULT_MAX_LOTS : maxLots;
    if (d < 1 || d > MAX_DEPTH) {
      throw new InvalidInputException("depth", "must be between 1 and " + MAX_DEPTH);
    }
    if (max < 1 || max > HARD_MAX_LOTS) {
      throw new InvalidInputException("maxLots", "must be between 1 and " + HARD_MAX_LOTS);
    }
    return trace(root, direction, d, max);
  }

  Trace trace(Lot root, Direction direction, int depth, int maxLots) {
    boolean forward = direction == Direction.FORWARD;
    String from = forward ? "parent_id" : "child_id";
    String to = forward ? "child_id" : "parent_id";
    // The walk carries the columns of the link it took (no second look-up per link), and the
    // lots it reached are joined once, by primary key, after the LIMIT.
    String sql =
        """
        WITH RECURSIVE walk (lot_id, hops, k_id, k_parent_id, k_child_id, k_kind, k_quantity,
                             k_unit, k_order_number, k_operation_id, k_operation_seq,
                             k_work_unit, k_operator, k_linked_at) AS (
            SELECT CAST(:root AS UUID), 0, CAST(NULL AS UUID), CAST(NULL AS UUID),
                   CAST(NULL AS UUID), CAST(NULL AS VARCHAR(12)), CAST(NULL AS NUMERIC(19, 6)),
                   CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(40)), CAST(NULL AS UUID),
                   CAST(NULL AS INT), CAST(NULL AS VARCHAR(20)), CAST(NULL AS VARCHAR(60)),
                   CAST(NULL AS TIMESTAMP WITH TIME ZONE)
          UNION
            SELECT l.%2$s, w.hops + 1, l.id, l.parent_id, l.child_id, l.kind, l.quantity,
                   l.unit, l.order_number, l.operation_id, l.operation_seq, l.work_unit,
                   l.operator, l.linked_at
              FROM walk w JOIN traceability_link l ON l.%1$s = w.lot_id
             WHERE w.hops < :depth
        )
        SELECT w.hops AS walk_hops, w.k_id, w.k_parent_id, w.k_child_id, w.k_kind,
               w.k_quantity, w.k_unit, w.k_order_number, w.k_operation_id, w.k_operation_seq,
               w.k_work_unit, w.k_operator, w.k_linked_at, %3$s
          FROM (SELECT * FROM walk LIMIT :cap) w
          JOIN traceability_lot t ON t.id = w.lot_id
        """
            .formatted(from, to, LotRepository.LOT_COLUMNS);
    Map<UUID, Node> nodes = new LinkedHashMap<>();
    Map<UUID, Link> links = new LinkedHashMap<>();
    int steps = maxLots * STEPS_PER_LOT;
    int[] rows = {0};
    boolean[] cut = {false};
    jdbc.sql(sql)
        .param("root", root.id())
        .param("depth", depth)
        .param("cap", steps + 1)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  if (++rows[0] > steps) {
                    cut[0] = true; // the one step past the cap only tells that there is more
                    return;
                  }
                  int at = rs.getInt("walk_hops");
                  UUID id = rs.getObject("id", UUID.class);
                  Node known = nodes.get(id);
                  if (known == null && nodes.size() >= maxLots) {
                    cut[0] = true; // a lot past the limit, and the link to it, are left out
                    return;
                  }
                  if (known == null || known.depth() > at) {
                    nodes.put(
                        id, new Node(known == null ? LotRepository.lot(rs) : known.lot(), at));
                  }
                  UUID linkId = rs.getObject("k_id", UUID.class);
                  if (linkId != null && !links.containsKey(linkId)) {
                    links.put(linkId, LotRepository.link(rs, "k_"));
                  }
                });
    boolean truncated = cut[0];
    // Past the limit the walk went on from lots left out; their links go too.
    links
        .values()
        .removeIf(l -> !nodes.containsKey(l.parentId()) || !nodes.containsKey(l.childId()));
    List<Node> reached = new ArrayList<>(nodes.values());
    reached.sort(
        Comparator.comparingInt(Node::depth)
            .thenComparing(n -> n.lot().material())
            .thenComparing(n -> n.lot().lotNumber()));
    List<Shipment> shipments =
        forward ? lots.shipmentsOf(reached.stream().map(n -> n.lot().id()).toList()) : List.of();
    return new Trace(
        root,
        direction,
        depth,
        maxLots,
        truncated,
        reached,
        new ArrayList<>(links.values()),
        shipments);
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
