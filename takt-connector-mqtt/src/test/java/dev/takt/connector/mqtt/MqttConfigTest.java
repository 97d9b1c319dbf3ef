package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MqttConfigTest {

  private static final JsonMapping COUNTER =
      JsonMapping.topic("plant/+/counter").sourceLevel(1).field("/count", "partsMade").build();

  @Test
  void neverShowsThePassword() {
    MqttConfig config =
        MqttConfig.builder()
            .clientId("takt-1")
            .credentials("takt", "s3cret")
            .sparkplugHost("takt")
            .build();

    assertThat(config.toString()).contains("takt-1").doesNotContain("s3cret");
    assertThat(config.sparkplugGroups()).containsExactly("+");
  }

  @Test
  void refusesConfigsThatCannotWork() {
    assertThrows(
        IllegalArgumentException.class, () -> MqttConfig.builder().clientId("takt-1").build());
    assertThrows(IllegalArgumentException.class, () -> MqttConfig.builder().json(COUNTER).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MqttConfig.builder().clientId("t").broker("h", 0).json(COUNTER).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MqttConfig.builder().clientId("t").sparkplugHost("takt", "line/1").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MqttConfig.builder().clientId("t").shareGroup("a+b").json(COUNTER).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MqttConfig.builder().clientId("t").receiveMaximum(5).json(COUNTER).build());
  }

  @Test
  void refusesJsonMappingsWithBrokenFiltersOrPointers() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonMapping.topic("plant/#/counter").field("/count", "c").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonMapping.topic("$share/g/plant/+").field("/count", "c").build());
    assertThrows(IllegalArgumentException.class, () -> JsonMapping.topic("plant/+").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonMapping.topic("plant/+").field("count", "c").build());
  }
}
