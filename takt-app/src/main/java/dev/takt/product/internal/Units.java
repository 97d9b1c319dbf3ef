package dev.takt.product.internal;

import dev.takt.shared.InvalidInputException;
import dev.takt.shared.UnitOfMeasure;

/** Turns a unit code from a request into a unit, or a 400 naming the field. */
final class Units {
  private Units() {}

  static UnitOfMeasure of(String field, String code) {
    if (!UnitOfMeasure.isKnown(code)) {
      throw new InvalidInputException(field, "'" + code + "' is not a known unit of measure");
    }
    return new UnitOfMeasure(code);
  }
}
