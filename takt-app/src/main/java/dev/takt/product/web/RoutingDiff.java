package dev.takt.product.web;

import dev.takt.product.RoutingView;
import dev.takt.product.RoutingView.OperationView;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two versions of a routing side by side, operations aligned by sequence number: an operation only
 * on the right was added, one only on the left removed, and for one on both sides the fields that
 * differ are named.
 */
public record RoutingDiff(RoutingView left, RoutingView right, List<Row> rows) {

  /** The fields compared, in the order the page shows them. */
  static final List<String> FIELDS =
      List.of(
          "description",
          "workCenter",
          "setupSeconds",
          "cycleSeconds",
          "qualification",
          "toolType",
          "inspectionPlan");

  /** One sequence number: the operation on each side (null where missing), changed fields. */
  public record Row(int sequence, OperationView left, OperationView right, Set<String> changed) {
    public String kind() {
      if (left == null) {
        return "added";
      }
      if (right == null) {
        return "removed";
      }
      return changed.isEmpty() ? "same" : "changed";
    }

    public boolean isChanged(String field) {
      return changed.contains(field);
    }

    /** What the page shows for a field of one side: numbers plain, nothing as empty. */
    public String text(String side, String field) {
      OperationView op = side.equals("left") ? left : right;
      Object value = op == null ? null : value(op, field);
      return switch (value) {
        case null -> "";
        case BigDecimal d -> d.toPlainString();
        default -> value.toString();
      };
    }
  }

  static RoutingDiff of(RoutingView left, RoutingView right) {
    Map<Integer, OperationView> l = bySequence(left);
    Map<Integer, OperationView> r = bySequence(right);
    Set<Integer> sequences = new TreeSet<>(l.keySet());
    sequences.addAll(r.keySet());
    List<Row> rows =
        sequences.stream()
            .map(s -> new Row(s, l.get(s), r.get(s), changed(l.get(s), r.get(s))))
            .toList();
    return new RoutingDiff(left, right, rows);
  }

  public boolean identical() {
    return rows.stream().allMatch(r -> r.kind().equals("same"));
  }

  private static Map<Integer, OperationView> bySequence(RoutingView routing) {
    return routing.operations().stream()
        .collect(
            Collectors.toMap(
                OperationView::sequence, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  private static Set<String> changed(OperationView a, OperationView b) {
    Set<String> changed = new LinkedHashSet<>();
    if (a == null || b == null) {
      return changed;
    }
    for (String field : FIELDS) {
      if (!same(value(a, field), value(b, field))) {
        changed.add(field);
      }
    }
    return changed;
  }

  static Object value(OperationView o, String field) {
    return switch (field) {
      case "description" -> o.description();
      case "workCenter" -> o.workCenter();
      case "setupSeconds" -> o.setupSeconds();
      case "cycleSeconds" -> o.cycleSeconds();
      case "qualification" -> o.qualification();
      case "toolType" -> o.toolType();
      case "inspectionPlan" -> o.inspectionPlan();
      default -> throw new IllegalArgumentException("no operation field " + field);
    };
  }

  /** Numbers compare by value: 42.5 and 42.50 are the same cycle time. */
  private static boolean same(Object x, Object y) {
    if (x instanceof BigDecimal a && y instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    return Objects.equals(x, y);
  }
}
