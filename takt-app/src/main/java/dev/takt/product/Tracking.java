package dev.takt.product;

/** How closely a material is traced: not at all, by lot (batch), or each piece by serial. */
public enum Tracking {
  NONE,
  LOT,
  SERIAL
}
