package dev.takt;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class TaktConfiguration {

  /** UTC: time is an Instant everywhere; a site's zone is used only for shifts and display. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
