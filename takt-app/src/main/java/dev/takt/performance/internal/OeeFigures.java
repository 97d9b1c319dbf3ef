package dev.takt.performance.internal;

import java.math.BigDecimal;

/**
 * OEE and its parts for one scope and stretch of time (see docs/oee.md). Times in seconds, ratios
 * in percent with two decimals; a ratio whose denominator is zero is null (no planned time, no run
 * time, nothing counted).
 */
public record OeeFigures(
    long calendarSeconds,
    long plannedSeconds,
    long plannedStopSeconds,
    long plannedProductionSeconds,
    long availabilityLossSeconds,
    long unclassifiedSeconds,
    long performanceStopSeconds,
    long runSeconds,
    BigDecimal idealSeconds,
    BigDecimal speedLossSeconds,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    BigDecimal total,
    BigDecimal availability,
    BigDecimal performance,
    BigDecimal quality,
    BigDecimal oee,
    BigDecimal teep,
    BigDecimal firstPassYield,
    long failures,
    Long mtbfSeconds,
    Long mttrSeconds) {}
