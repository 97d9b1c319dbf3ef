package dev.takt.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MtConnectConfigTest {

  @Test
  void defaultsSuitAnAgentOnThePlantNetwork() {
    MtConnectConfig config = MtConnectConfig.builder("http://10.0.4.17:5000").build();

    assertThat(config.count()).isEqualTo(1000);
    assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxDocumentSize()).isEqualTo(8 * 1024 * 1024);
    assertThat(config.polling()).isFalse();
    assertThat(config.requestBase()).isEqualTo(URI.create("http://10.0.4.17:5000/"));
  }

  @Test
  void asksForOneDeviceBelowTheAgent() {
    MtConnectConfig config =
        MtConnectConfig.builder("http://agent:5000/mtc").deviceName("OKUMA").build();

    assertThat(config.requestBase().resolve("sample?from=1"))
        .isEqualTo(URI.create("http://agent:5000/mtc/OKUMA/sample?from=1"));
  }

  @Test
  void refusesWhatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> MtConnectConfig.builder("ftp://x").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MtConnectConfig.builder("http://agent:5000?x=1").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MtConnectConfig.builder("http://agent").deviceName("../probe").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MtConnectConfig.builder("http://agent").count(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MtConnectConfig.builder("http://agent").heartbeat(Duration.ZERO).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MtConnectConfig.builder("http://agent")
                .reconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1))
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MtConnectConfig.builder("http://agent").maxDocumentSize(10).build());
  }
}
