package dev.takt.reasons;

/** The catalogues. A code is unique within its kind, and a tree never mixes kinds. */
public enum ReasonKind {
  /** Why a work unit stood still. Only these carry {@code planned} and a loss category. */
  DOWNTIME,
  /** Why a piece or quantity was scrapped. */
  SCRAP,
  /** Why a piece or quantity went to rework. */
  REWORK
}
