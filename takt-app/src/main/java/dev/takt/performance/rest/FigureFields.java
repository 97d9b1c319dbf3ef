package dev.takt.performance.rest;

import dev.takt.performance.internal.OeeFigures;
import dev.takt.performance.internal.Views;
import dev.takt.shared.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  record Row(
      String group,
      String label,
      Instant from,
      Instant to,
      String scope,
      Map<String, Object> figures) {}
}
