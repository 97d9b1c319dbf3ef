package dev.takt.traceability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takt.shared.ConflictException;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LotTest {

  static Lot aReceivedLot(String quantity, LocalDate expiry) {
    Quantity q = Quantity.of(quantity, "kg");
    return new Lot(
        UUID.randomUUID(),
        "S1",
        "BAR",
        "L-1",
        false,
        Origin.RECEIVED,
        q,
        q,
        "Supplier",
        "S-1",
        expiry,
        null,
        LotStatus.QUARANTINE,
        0,
        Instant.parse("2026-12-01T08:00:00Z"),
        "erp");
  }

  @Test
  void qualityMovesALotBetweenQuarantineReleasedAndBlocked() {
    Lot lot = aReceivedLot("10", null);
    Lot released = lot.release();
    assertThat(released.status()).isEqualTo(LotStatus.RELEASED);
    assertThat(released.block().status()).isEqualTo(LotStatus.BLOCKED);
    assertThat(released.block().release().status()).isEqualTo(LotStatus.RELEASED);
    assertThat(released.quarantine().status()).isEqualTo(LotStatus.QUARANTINE);
  }

  @Test
  void refusesTheStatusALotHasAlreadyNamingIt() {
    assertThatThrownBy(() -> aReceivedLot("10", null).quarantine())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("QUARANTINE already");
  }

  @Test
  void aLotDrawnToNothingIsConsumedAndStaysSo() {
    Lot used = aReceivedLot("10", null).release().draw(new BigDecimal("10"));
    assertThat(used.status()).isEqualTo(LotStatus.CONSUMED);
    assertThat(used.remaining().value()).isEqualByComparingTo("0");
    assertThatThrownBy(used::release)
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CONSUMED");
    assertThatThrownBy(used::block).isInstanceOf(ConflictException.class);
  }

  @Test
  void refusesToDrawMoreThanRemains() {
    Lot lot = aReceivedLot("10", null).release().draw(new BigDecimal("7.5"));
    assertThat(lot.remaining().value()).isEqualByComparingTo("2.5");
    assertThat(lot.status()).isEqualTo(LotStatus.RELEASED);
    assertThatThrownBy(() -> lot.draw(new BigDecimal("3")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only 2.5 kg");
  }

  @Test
  void aLotIsExpiredOnlyAfterItsExpiryDay() {
    Lot lot = aReceivedLot("1", LocalDate.of(2026, 12, 31));
    assertThat(lot.expiredOn(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(lot.expiredOn(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(aReceivedLot("1", null).expiredOn(LocalDate.of(2999, 1, 1))).isFalse();
  }

  @Test
  void addingMaterialRaisesQuantityAndRemaining() {
    Lot lot = aReceivedLot("10", null).add(new BigDecimal("5"), true);
    assertThat(lot.quantity().value()).isEqualByComparingTo("15");
    assertThat(lot.remaining().value()).isEqualByComparingTo("15");
  }
}
