package dev.takt.product;

/** What a material is to the plant; decides nothing yet but is what planners filter by. */
public enum MaterialType {
  RAW,
  SEMI_FINISHED,
  FINISHED,
  PACKAGING,
  CONSUMABLE
}
