package dev.takt.performance.rest;

import dev.takt.performance.internal.OeeFigures;
import dev.takt.performance.internal.Views;
import dev.takt.shared.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The figures a caller asked for with {@code fields=}: a year of daily OEE per work unit is 50,000
 * rows, and a heat map needs four of the 23 figures of each, a sixth of the bytes to write, send
 * and parse. Names are those of {@link OeeFigures}; an unknown name is a 400 naming the field.
 */
record FigureFields(List<String> names, List<Method> accessors) {

  private static final Map<String, Method> ALL = new LinkedHashMap<>();

  static {
    for (RecordComponent c : OeeFigures.class.getRecordComponents()) {
      ALL.put(c.getName(), c.getAccessor());
    }
  }

  /** Null when no selection was asked for (all figures). */
  static FigureFields parse(String fields) {
    if (fields == null || fields.isBlank()) {
      return null;
    }
    return select(fields);
  }

  /** Every figure, in the order of {@link OeeFigures}. */
  static FigureFields all() {
    return new FigureFields(List.copyOf(ALL.keySet()), List.copyOf(ALL.values()));
  }

  private static FigureFields select(String fields) {
    List<String> names = new ArrayList<>();
    List<Method> accessors = new ArrayList<>();
    for (String raw : fields.split(",", -1)) {
      String name = raw.strip();
      Method accessor = ALL.get(name);
      if (accessor == null) {
        throw new InvalidInputException(
            "fields",
            "unknown figure '"
                + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                + "'; one of "
                + String.join(", ", ALL.keySet()));
      }
      if (!names.contains(name)) {
        names.add(name);
        accessors.add(accessor);
      }
    }
    return new FigureFields(List.copyOf(names), List.copyOf(accessors));
  }

  /** The report with only the selected figures in each row. */
  Report of(Views.OeeReport report) {
    List<Row> rows = new ArrayList<>(report.rows().size());
    for (Views.OeeRow row : report.rows()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        figures.put(names.get(i), value(accessors.get(i), row.figures()));
      }
      rows.add(new Row(row.group(), row.label(), row.from(), row.to(), row.scope(), figures));
    }
    return new Report(
        report.scope(),
        report.site(),
        report.from(),
        report.to(),
        report.groupBy(),
        report.by(),
        report.workUnits(),
        names,
        rows);
  }

  /**
   * The report as a grid: its groups and scopes once, and per figure one array per group holding
   * the value of each scope (null where a scope has no row). A year of daily OEE per work unit is a
   * heat map of 365 x 200 cells; as rows it repeats each day's label, times and each scope's name
   * in every one of its 73,000 rows.
   */
  Grid grid(Views.OeeReport report) {
    Map<String, Integer> groupIndex = new LinkedHashMap<>();
    List<GridGroup> groups = new ArrayList<>();
    SortedSet<String> scopeNames = new TreeSet<>();
    for (Views.OeeRow row : report.rows()) {
      if (groupIndex.putIfAbsent(row.group(), groups.size()) == null) {
        groups.add(new GridGroup(row.group(), row.label(), row.from(), row.to()));
      }
      scopeNames.add(row.scope());
    }
    List<String> scopes = List.copyOf(scopeNames);
    Map<String, Integer> scopeIndex = new HashMap<>();
    for (String scope : scopes) {
      scopeIndex.put(scope, scopeIndex.size());
    }
    Map<String, Object[][]> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, new Object[groups.size()][scopes.size()]);
    }
    for (Views.OeeRow row : report.rows()) {
      int g = groupIndex.get(row.group());
      int c = scopeIndex.get(row.scope());
      for (int i = 0; i < names.size(); i++) {
        values.get(names.get(i))[g][c] = value(accessors.get(i), row.figures());
      }
    }
    return new Grid(
        report.scope(),
        report.site(),
        report.from(),
        report.to(),
        report.groupBy(),
        report.by(),
        report.workUnits(),
        names,
        groups,
        scopes,
        values);
  }

  private static Object value(Method accessor, OeeFigures figures) {
    try {
      return accessor.invoke(figures);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link Views.OeeReport} with the selected figures only, and their names. */
  record Report(
      String scope,
      String site,
      Instant from,
      Instant to,
      Views.GroupBy groupBy,
      Views.Breakdown by,
      int workUnits,
      List<String> fields,
      List<Row> rows) {}

  /** {@link #grid}: {@code values.get(figure)[group][scope]}. */
  record Grid(
      String scope,
      String site,
      Instant from,
      Instant to,
      Views.GroupBy groupBy,
      Views.Breakdown by,
      int workUnits,
      List<String> fields,
      List<GridGroup> groups,
      List<String> scopes,
      Map<String, Object[][]> values) {}

  record GridGroup(String group, String label, Instant from, Instant to) {}

  record Row(
      String group,
      String label,
      Instant from,
      Instant to,
      String scope,
      Map<String, Object> figures) {}
}
