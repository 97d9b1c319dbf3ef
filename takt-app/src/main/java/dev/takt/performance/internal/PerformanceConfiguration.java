package dev.takt.performance.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Event handlers of this module run on threads of their own ({@code @Async}), so a booking never
 * waits for the OEE buckets; the event publication registry keeps what is not yet applied.
 * (Quantity reports take their own way, through {@link CountIntake} and {@link CountDrainer}.)
 *
 * <p>They run on a pool of their own ({@value #RECORDER}, {@code takt.performance.recorder-threads}
 * threads, default 4), not on the application's shared executor (8 threads): each handler holds a
 * pooled database connection while it runs, and when bookings arrive faster than their events are
 * applied, eight handlers could hold eight of the ten connections the requests need. Four is a
 * middle: two fell far behind the bookings in an overloaded benchmark run. Events wait in the
 * pool's queue instead (they are in the publication registry as well, so a restart hands out again
 * what the queue lost). Events of one work unit are applied under its lock, in any order.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PerformanceConfiguration {

  static final String RECORDER = "oeeRecorderExecutor";

  /**
   * Built like the shared executor (same builder: the same shutdown wait, which Spring Modulith
   * sets to 2 s, and the same unbounded queue), only with its own threads.
   */
  @Bean(name = RECORDER)
  ThreadPoolTaskExecutor oeeRecorderExecutor(
      ThreadPoolTaskExecutorBuilder builder,
      @Value("${takt.performance.recorder-threads:4}") int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("takt.performance.recorder-threads must be >= 1");
    }
    return builder
        .corePoolSize(threads)
        .maxPoolSize(threads)
        .threadNamePrefix("oee-recorder-")
        .build();
  }
}
