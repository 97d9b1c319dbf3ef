package dev.takt.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.shared.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void readsEachLevelOfThePlantModel() {
    assertThat(Scope.parse("site:DEMO")).isEqualTo(new Scope(Scope.Level.SITE, "DEMO", null));
    assertThat(Scope.parse("area:DEMO/MACH"))
        .isEqualTo(new Scope(Scope.Level.AREA, "DEMO", "MACH"));
    assertThat(Scope.parse("workCenter:DEMO/TURN").level()).isEqualTo(Scope.Level.WORK_CENTER);
    assertThat(Scope.parse("workUnit:DEMO/CNC-01").toString()).isEqualTo("workUnit:DEMO/CNC-01");
  }

  @Test
  void refusesWhatIsNotAScope() {
    for (String bad :
        new String[] {null, " ", "DEMO", "machine:DEMO/X", "site:DEMO/X", "area:DEMO", "a:b:c"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> Scope.parse(bad));
      assertThat(e.field()).isEqualTo("scope");
    }
  }

  @Test
  void bucketsAreQuarterHoursOfTheEpoch() {
    Instant t = Instant.parse("2026-03-02T05:07:30Z");
    assertThat(Buckets.floor(t)).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    assertThat(Buckets.ceil(t)).isEqualTo(Instant.parse("2026-03-02T05:15:00Z"));
    assertThat(Buckets.ceil(Instant.parse("2026-03-02T05:15:00Z")))
        .isEqualTo(Instant.parse("2026-03-02T05:15:00Z"));
  }
}
