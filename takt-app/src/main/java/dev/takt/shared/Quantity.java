package dev.takt.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of material in a unit. Never a double: material and money are counted exactly.
 *
 * <p>JSON is value and unit. {@link #isNegative()} is not written (it says nothing the value does
 * not), and a {@code negative} that JSON written before 2026-12-03 carries is ignored on reading,
 * so an event stored then (the event publication registry keeps them as JSON and reads them back on
 * restart) deserializes under {@code fail-on-unknown-properties}.
 */
@JsonIgnoreProperties("negative")
public record Quantity(BigDecimal value, UnitOfMeasure unit) {

  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  public static Quantity of(String value, String unit) {
    return new Quantity(new BigDecimal(value), new UnitOfMeasure(unit));
  }

  public Quantity plus(Quantity other) {
    requireSameUnit(other);
    return new Quantity(value.add(other.value), unit);
  }

  public Quantity minus(Quantity other) {
    requireSameUnit(other);
    return new Quantity(value.subtract(other.value), unit);
  }

  public boolean isNegative() {
    return value.signum() < 0;
  }

  private void requireSameUnit(Quantity other) {
    if (!unit.equals(other.unit)) {
      throw new IllegalArgumentException("cannot combine " + this + " with " + other);
    }
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit.code();
  }
}
