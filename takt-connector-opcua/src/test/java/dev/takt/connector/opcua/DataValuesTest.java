package dev.takt.connector.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.junit.jupiter.api.Test;

class DataValuesTest {

  private static final SignalKey SPEED = new SignalKey("mill-1", "ns=2;s=Mill.SpindleSpeed");
  private static final Instant RECEIVED = Instant.parse("2026-11-22T06:00:00Z");
  private static final Instant TAKEN = Instant.parse("2026-11-22T05:59:59.5Z");
  private static final Instant SERVED = Instant.parse("2026-11-22T05:59:59.8Z");
  private static final StatusCode UNCERTAIN = new StatusCode(0x40000000L);
  private static final StatusCode BAD = new StatusCode(0x80000000L);

  @Test
  void takesEveryNumberTypeAsANumber() {
    assertThat(DataValues.value(Variant.ofInt32(7))).isEqualTo(SignalValue.of(7));
    assertThat(DataValues.value(Variant.ofUInt32(UInteger.valueOf(4_000_000_000L))))
        .isEqualTo(SignalValue.of(4_000_000_000.0));
    assertThat(DataValues.value(Variant.ofFloat(1.5f))).isEqualTo(SignalValue.of(1.5));
    assertThat(DataValues.value(Variant.ofInt64(1L << 53))).isEqualTo(SignalValue.of(0x1p53));
  }

  @Test
  void refusesNumbersThatAreNotFiniteOrTooLargeToHoldExactly() {
    assertThrows(BadSignalException.class, () -> DataValues.value(Variant.ofDouble(Double.NaN)));
    assertThrows(
        BadSignalException.class, () -> DataValues.value(Variant.ofFloat(Float.NEGATIVE_INFINITY)));
    assertThrows(BadSignalException.class, () -> DataValues.value(Variant.ofInt64((1L << 53) + 1)));
    assertThrows(BadSignalException.class, () -> DataValues.value(Variant.ofUInt64(ULong.MAX)));
  }

  @Test
  void takesBooleansAsFlagsAndStringsAndLocalizedTextsAsTexts() {
    assertThat(DataValues.value(Variant.ofBoolean(true))).isEqualTo(SignalValue.of(true));
    assertThat(DataValues.value(Variant.ofString("O1000"))).isEqualTo(SignalValue.of("O1000"));
    assertThat(DataValues.value(Variant.ofLocalizedText(LocalizedText.english("Tür offen"))))
        .isEqualTo(SignalValue.of("Tür offen"));
  }

  @Test
  void refusesArraysDatesAndOversizedTexts() {
    var array =
        assertThrows(
            BadSignalException.class,
            () -> DataValues.value(Variant.ofDoubleArray(new double[] {1.0, 2.0})));
    assertThat(array.getMessage()).contains("array");
    assertThrows(
        BadSignalException.class, () -> DataValues.value(Variant.ofDateTime(DateTime.now())));
    assertThrows(
        BadSignalException.class,
        () -> DataValues.value(Variant.ofString("x".repeat(SignalValue.MAX_TEXT_LENGTH + 1))));
  }

  @Test
  void makesAnEmptyValueUnavailable() {
    assertThat(DataValues.value(Variant.NULL_VALUE)).isEqualTo(SignalValue.unavailable());
  }

  @Test
  void makesABadStatusUnavailableWithBadQualityWhateverTheValue() {
    MachineSignal signal =
        DataValues.toSignal(SPEED, new DataValue(Variant.ofDouble(Double.NaN), BAD), RECEIVED);

    assertThat(signal.value()).isEqualTo(SignalValue.unavailable());
    assertThat(signal.quality()).isEqualTo(SignalQuality.BAD);
  }

  @Test
  void keepsTheValueOfAnUncertainStatusWithUncertainQuality() {
    MachineSignal signal =
        DataValues.toSignal(SPEED, new DataValue(Variant.ofDouble(990.0), UNCERTAIN), RECEIVED);

    assertThat(signal.value()).isEqualTo(SignalValue.of(990.0));
    assertThat(signal.quality()).isEqualTo(SignalQuality.UNCERTAIN);
  }

  @Test
  void takesTheSourceTimeThenTheServerTimeThenTheTimeOfReceipt() {
    var both =
        new DataValue(
            Variant.ofDouble(1.0), StatusCode.GOOD, new DateTime(TAKEN), new DateTime(SERVED));
    var serverOnly =
        new DataValue(Variant.ofDouble(1.0), StatusCode.GOOD, null, new DateTime(SERVED));
    var none = new DataValue(Variant.ofDouble(1.0), StatusCode.GOOD, null, null);

    assertThat(DataValues.toSignal(SPEED, both, RECEIVED).sourceTime()).isEqualTo(TAKEN);
    assertThat(DataValues.toSignal(SPEED, serverOnly, RECEIVED).sourceTime()).isEqualTo(SERVED);
    assertThat(DataValues.toSignal(SPEED, none, RECEIVED).sourceTime()).isEqualTo(RECEIVED);
    assertThat(DataValues.toSignal(SPEED, none, RECEIVED).receivedAt()).isEqualTo(RECEIVED);
  }
}
