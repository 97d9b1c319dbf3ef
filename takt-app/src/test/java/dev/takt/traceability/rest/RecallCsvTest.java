package dev.takt.traceability.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.traceability.internal.LotStatus;
import dev.takt.traceability.internal.TraceService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecallCsvTest {

  static TraceService.RecallLine line(String lot, String shippedTo) {
    return new TraceService.RecallLine(
        1,
        "S1",
        "BAR",
        lot,
        false,
        LotStatus.RELEASED,
        new BigDecimal("10.500"),
        BigDecimal.ONE,
        "kg",
        null,
        shippedTo,
        UUID.randomUUID());
  }

  @Test
  void writesAHeaderAndOneLinePerLotWithCrlf() {
    String csv = RecallCsv.write(new TraceService.Recall(null, false, List.of(line("L-1", ""))));
    assertThat(csv)
        .isEqualTo(RecallCsv.HEADER + "\r\n" + "1,S1,BAR,L-1,false,RELEASED,10.500,1,kg,,\r\n");
  }

  @Test
  void quotesCommasAndQuotesAndDefusesFormulas() {
    String csv =
        RecallCsv.write(
            new TraceService.Recall(
                null,
                false,
                List.of(
                    line("L-1", "Smith, \"Ltd\""), line("L-2", "@SUM(A1)"), line("L-3", "-1"))));
    String[] lines = csv.split("\r\n");
    assertThat(lines[1]).endsWith(",\"Smith, \"\"Ltd\"\"\"");
    assertThat(lines[2]).endsWith(",\"'@SUM(A1)\"");
    assertThat(lines[3]).endsWith(",\"'-1\"");
  }
}
