package dev.takt.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of measure, by its code. The codes are the case-sensitive UCUM codes a plant uses most
 * (UCUM is what HL7 and many ERPs exchange), plus {@code pcs} for counted pieces. In JSON a unit is
 * its bare code.
 */
public record UnitOfMeasure(@JsonValue String code) {

  private static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("pcs", "pieces"),
          Map.entry("kg", "kilogram"),
          Map.entry("g", "gram"),
          Map.entry("mg", "milligram"),
          Map.entry("t", "tonne"),
          Map.entry("m", "metre"),
          Map.entry("cm", "centimetre"),
          Map.entry("mm", "millimetre"),
          Map.entry("m2", "square metre"),
          Map.entry("m3", "cubic metre"),
          Map.entry("L", "litre"),
          Map.entry("mL", "millilitre"),
          Map.entry("h", "hour"),
          Map.entry("min", "minute"),
          Map.entry("s", "second"));

  public static final UnitOfMeasure PIECES = new UnitOfMeasure("pcs");

  public UnitOfMeasure {
    Objects.requireNonNull(code, "code");
    if (!KNOWN.containsKey(code)) {
      throw new IllegalArgumentException(
          "unknown unit of measure '" + code + "'; known: " + KNOWN.keySet());
    }
  }

  /** Read from JSON as its bare code, {@code "kg"}, as it is written. */
  @JsonCreator
  public static UnitOfMeasure of(String code) {
    return new UnitOfMeasure(code);
  }

  public static boolean isKnown(String code) {
    return code != null && KNOWN.containsKey(code);
  }

  public String description() {
    return KNOWN.get(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
