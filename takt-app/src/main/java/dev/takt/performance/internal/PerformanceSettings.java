package dev.takt.performance.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The knobs of OEE. {@code takt.performance.micro-stop-threshold} (default 5 minutes): a stop
 * shorter than this is a micro-stop, a performance loss, not an availability loss. Changing it
 * applies to stops bucketed from then on.
 */
@Component
public class PerformanceSettings {

  /** The longest range one view may cover: a leap year, as the shift calendar expands at once. */
  public static final int MAX_RANGE_DAYS = 366;

  private final Duration microStopThreshold;

  PerformanceSettings(
      @Value("${takt.performance.micro-stop-threshold:PT5M}") Duration microStopThreshold) {
    if (microStopThreshold.isNegative()) {
      throw new IllegalArgumentException("takt.performance.micro-stop-threshold must be >= 0");
    }
    this.microStopThreshold = microStopThreshold;
  }

  public Duration microStopThreshold() {
    return microStopThreshold;
  }
}
