package dev.takt.execution.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Execution runs one background job: the confirmation webhook pusher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExecutionConfiguration {}
