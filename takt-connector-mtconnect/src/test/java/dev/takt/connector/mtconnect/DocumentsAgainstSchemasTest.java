package dev.takt.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.takt.connector.mtconnect.AgentDocument.Devices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real device files and what the test agent serves are valid MTConnect, so the connector is
 * tested against documents an agent may really send; and the connector's reader takes every device
 * file of the test data, including agent configuration files that are not strict probe responses.
 */
class DocumentsAgainstSchemasTest {

  @BeforeEach
  void needsTheTestData() {
    TestData.mtconnect(); // skips (or fails, when required) each test without it
  }

  @Test
  void theRealDeviceFilesAreValidAgainstTheirSchemas() {
    // as SOURCES.md reports
    assertDoesNotThrow(
        () ->
            MtConnectSchemas.validate(
                Files.readString(TestData.okumaMazakDevices()), "MTConnectDevices_2.7_1.0.xsd"));
    assertDoesNotThrow(
        () ->
            MtConnectSchemas.validate(
                Files.readString(TestData.mtconnect().resolve("devices/min_config.xml")),
                "MTConnectDevices_2.0_1.0.xsd"));
  }

  @Test
  void theConnectorLearnsEveryDataItemOfEveryDeviceFile() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(TestData.mtconnect().resolve("devices"))) {
      files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path file : files) {
      DeviceFile dom = DeviceFile.read(file);
      AgentDocument doc = AgentDocuments.parse(Files.readAllBytes(file));

      assertThat(doc).as(file.toString()).isInstanceOf(Devices.class);
      Devices devices = (Devices) doc;
      assertThat(devices.dataItems().keySet())
          .as(file.getFileName() + ": data items")
          .containsExactlyInAnyOrderElementsOf(
              dom.items().stream().map(DeviceFile.Item::id).toList());
      assertThat(devices.deviceNames())
          .as(file.getFileName() + ": devices")
          .containsAll(dom.devices().stream().map(DeviceFile.Device::name).toList());
    }
  }

  @Test
  void theOkumaIsProbedWithCategoriesTypesAndUnits() throws Exception {
    Devices devices =
        (Devices) AgentDocuments.parse(Files.readAllBytes(TestData.okumaMazakDevices()));

    assertThat(devices.deviceNames()).containsExactly("OKUMA", "Mazak");
    assertThat(devices.dataItems().get("Lpexecution"))
        .isEqualTo(
            new AgentDocument.DataItem(
                "OKUMA",
                "Lpexecution",
                "pexecution",
                AgentDocument.Category.EVENT,
                "EXECUTION",
                null,
                null,
                null));
    assertThat(devices.dataItems().get("LS1speed").units()).isEqualTo("REVOLUTION/MINUTE");
    assertThat(devices.dataItems().get("LS1speed").subType()).isEqualTo("ACTUAL");
    assertThat(devices.dataItems().get("Lsystem").category())
        .isEqualTo(AgentDocument.Category.CONDITION);
  }

  @Test
  void theTestAgentServesValidProbeCurrentAndSampleDocuments() throws Exception {
    DeviceFile devices = DeviceFile.read(TestData.okumaMazakDevices());
    ShdrRecording recording = ShdrRecording.read(TestData.okumaRecording(), devices, "OKUMA");
    try (TestAgent agent = TestAgent.serving(devices, 200_000)) {
      agent.feed(recording.observations());

      long first = agent.firstSequence();
      long next = agent.nextSequence();
      for (long from = first; from < next; from += 2000) {
        String sample = agent.sampleDocument(from, 2000);
        assertDoesNotThrow(
            () -> MtConnectSchemas.validate(sample, "MTConnectStreams_2.7_1.0.xsd"),
            () -> "sample from " + sample.substring(0, Math.min(600, sample.length())));
      }
      assertDoesNotThrow(
          () -> MtConnectSchemas.validate(agent.currentDocument(), "MTConnectStreams_2.7_1.0.xsd"));
      String heartbeat = agent.sampleDocument(next, 100);
      assertDoesNotThrow(
          () -> MtConnectSchemas.validate(heartbeat, "MTConnectStreams_2.7_1.0.xsd"));
      assertDoesNotThrow(
          () ->
              MtConnectSchemas.validate(
                  agent.errorDocument("OUT_OF_RANGE", "'from' must be greater than 1"),
                  "MTConnectError_2.7_1.0.xsd"));
    }
  }
}
