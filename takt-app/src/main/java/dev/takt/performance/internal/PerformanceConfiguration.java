package dev.takt.performance.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Event handlers of this module run on threads of their own ({@code @Async}), so a booking never
 * waits for the OEE buckets; the event publication registry keeps what is not yet applied.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PerformanceConfiguration {}
