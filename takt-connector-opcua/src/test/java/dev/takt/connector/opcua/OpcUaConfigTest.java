package dev.takt.connector.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.connector.opcua.OpcUaConfig.Deadband;
import dev.takt.connector.opcua.OpcUaConfig.Identity;
import dev.takt.connector.opcua.OpcUaConfig.MonitoredSignal;
import dev.takt.connector.opcua.OpcUaConfig.SecurityMode;
import dev.takt.connector.opcua.OpcUaConfig.SecurityPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpcUaConfigTest {

  private static final String PLC = "opc.tcp://plc-7.plant.example:4840";

  @Test
  void connectsAnonymouslyWithoutSecurityByDefault() {
    OpcUaConfig config = OpcUaConfig.builder(PLC).signal("ns=2;s=Press.Count", "press-7").build();

    assertThat(config.securityPolicy()).isEqualTo(SecurityPolicy.NONE);
    assertThat(config.securityMode()).isEqualTo(SecurityMode.NONE);
    assertThat(config.identity()).isEqualTo(Identity.anonymous());
    assertThat(config.name()).isEqualTo(PLC);
    assertThat(config.signals())
        .containsExactly(
            new MonitoredSignal(
                "ns=2;s=Press.Count", "press-7", Duration.ofMillis(100), Deadband.none(), 1));
  }

  @Test
  void refusesASecurePolicyWithoutASecureMode() {
    var builder =
        OpcUaConfig.builder(PLC).security(SecurityPolicy.BASIC256SHA256, SecurityMode.NONE);

    var e = assertThrows(IllegalArgumentException.class, builder::build);
    assertThat(e.getMessage()).contains("BASIC256SHA256");
  }

  @Test
  void refusesAnEndpointThatIsNotOpcTcp() {
    assertThrows(
        IllegalArgumentException.class, () -> OpcUaConfig.builder("http://plc-7:4840").build());
    assertThrows(IllegalArgumentException.class, () -> OpcUaConfig.builder(null).build());
  }

  @Test
  void refusesABackOffWhoseMinimumExceedsItsMaximum() {
    var builder =
        OpcUaConfig.builder(PLC).reconnectDelay(Duration.ofMinutes(2), Duration.ofSeconds(30));

    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void refusesDeadbandsAndQueuesThatMakeNoSense() {
    assertThrows(IllegalArgumentException.class, () -> Deadband.percent(120));
    assertThrows(IllegalArgumentException.class, () -> Deadband.absolute(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> MonitoredSignal.of("ns=2;s=Press.Count", "press-7").withQueueSize(0));
    assertThrows(IllegalArgumentException.class, () -> MonitoredSignal.of("ns=2;s=X", " "));
  }

  @Test
  void keepsMalformedNodeIdsForTheConnectorToReport() {
    OpcUaConfig config = OpcUaConfig.builder(PLC).signal("not a node id", "press-7").build();

    assertThat(config.signals())
        .extracting(MonitoredSignal::nodeId)
        .containsExactly("not a node id");
  }

  @Test
  void neverShowsThePasswordInItsText() {
    OpcUaConfig config =
        OpcUaConfig.builder(PLC).identity(Identity.user("integrator", "s3cr3t!")).build();

    assertThat(config.toString()).contains("integrator").doesNotContain("s3cr3t!");
  }

  @Test
  void doublesTheReconnectDelayUpToItsMaximum() {
    OpcUaConnector connector =
        new OpcUaConnector(
            OpcUaConfig.builder(PLC)
                .reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(10))
                .build());

    assertThat(connector.backoff(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(connector.backoff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(connector.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(connector.backoff(4)).isEqualTo(Duration.ofSeconds(10));
    assertThat(connector.backoff(1000)).isEqualTo(Duration.ofSeconds(10));
  }
}
