package dev.takt.machines.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takt.connector.SignalValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionTest {

  private final Map<String, SignalValue> machine = new HashMap<>();

  private boolean holds(String condition) {
    return Expression.parse(condition).test(machine::get);
  }

  @Test
  void aSpindleTurningWithoutAlarmIsRunning() {
    machine.put("spindleSpeed", SignalValue.of(1200));
    machine.put("alarm", SignalValue.of(false));
    assertThat(holds("spindleSpeed > 0 and not alarm")).isTrue();

    machine.put("alarm", SignalValue.of(true));
    assertThat(holds("spindleSpeed > 0 and not alarm")).isFalse();
  }

  @Test
  void comparesTextsAndNumbersAsTheMachineSendsThem() {
    machine.put("execution", SignalValue.of("ACTIVE"));
    machine.put("mode", SignalValue.of(3));
    assertThat(holds("execution == 'ACTIVE' and mode == 3")).isTrue();
    assertThat(holds("execution != 'ACTIVE' or mode >= 4")).isFalse();
    assertThat(holds("(execution == 'READY' or mode < 5) and true")).isTrue();
  }

  @Test
  void aMissingOrUnavailableSignalIsFalseAndComparesToNothing() {
    machine.put("gone", SignalValue.unavailable());
    assertThat(holds("spindleSpeed > 0")).isFalse();
    assertThat(holds("spindleSpeed <= 0")).isFalse();
    assertThat(holds("gone")).isFalse();
    assertThat(holds("not gone")).isTrue();
  }

  @Test
  void alarmTextsLikeNoneOrNormalAreNoAlarm() {
    machine.put("alarm", SignalValue.of("none"));
    assertThat(holds("alarm")).isFalse();
    machine.put("alarm", SignalValue.of("SV0401 Servo alarm"));
    assertThat(holds("alarm")).isTrue();
  }

  @Test
  void namesTheSignalsItReads() {
    assertThat(Expression.parse("a > 1 and (b or not c)").names()).containsExactly("a", "b", "c");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "speed >",
        "speed > > 1",
        "(speed > 1",
        "speed > 1)",
        "speed = 1",
        "System.exit(0)",
        "'open",
        "speed > 1e999",
        "a; drop table x"
      })
  void refusesWhatIsNotACondition(String text) {
    assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesConditionsTooLongOrTooDeep() {
    assertThatThrownBy(() -> Expression.parse("a or ".repeat(200) + "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expression.parse("not ".repeat(40) + "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expression.parse("(".repeat(40) + "a" + ")".repeat(40)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
