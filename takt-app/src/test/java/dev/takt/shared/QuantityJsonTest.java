package dev.takt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A quantity reads back what it writes, under the server's strict JSON settings. */
class QuantityJsonTest {

  final JsonMapper json =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void readsBackWhatItWrites() {
    // given: an event stored by the publication registry, as the server writes it
    Quantity good = Quantity.of("1", "pcs");
    String written = json.writeValueAsString(good);

    // when
    Quantity read = json.readValue(written, Quantity.class);

    // then
    assertThat(written).isEqualTo("{\"value\":1,\"unit\":\"pcs\"}");
    assertThat(read).isEqualTo(good);
  }

  @Test
  void readsWhatEarlierServersWroteWithTheSign() {
    // given: an event stored before 2026-12-03, when the sign was written too
    String written = "{\"value\":-2.5,\"unit\":\"kg\",\"negative\":true}";

    // when
    Quantity read = json.readValue(written, Quantity.class);

    // then
    assertThat(read).isEqualTo(Quantity.of("-2.5", "kg"));
  }
}
