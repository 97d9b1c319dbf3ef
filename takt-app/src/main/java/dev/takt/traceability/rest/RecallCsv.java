package dev.takt.traceability.rest;

import dev.takt.traceability.internal.TraceService;

/**
 * Writes a recall report as CSV (RFC 4180: comma, double quotes, CRLF). A cell a spreadsheet would
 * take for a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so a hostile
 * supplier or customer name cannot run in the quality engineer's spreadsheet.
 */
final class RecallCsv {
  private RecallCsv() {}

  static final String HEADER =
      "depth,site,material,lot,serial,status,quantity,remaining,unit,order,shipped_to";

  static String write(TraceService.Recall recall) {
    StringBuilder out = new StringBuilder(64 + recall.lines().size() * 96);
    out.append(HEADER).append("\r\n");
    for (TraceService.RecallLine l : recall.lines()) {
      out.append(l.depth()).append(',');
      cell(out, l.site()).append(',');
      cell(out, l.material()).append(',');
      cell(out, l.lotNumber()).append(',');
      out.append(l.serial()).append(',');
      out.append(l.status()).append(',');
      out.append(l.quantity().toPlainString()).append(',');
      out.append(l.remaining().toPlainString()).append(',');
      cell(out, l.unit()).append(',');
      cell(out, l.orderNumber()).append(',');
      cell(out, l.shippedTo()).append("\r\n");
    }
    return out.toString();
  }

  private static StringBuilder cell(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return out;
    }
    String text = value;
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0
        || !text.equals(value)) {
      out.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      out.append(text);
    }
    return out;
  }
}
