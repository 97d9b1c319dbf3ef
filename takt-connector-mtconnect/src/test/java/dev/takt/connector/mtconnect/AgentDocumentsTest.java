package dev.takt.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.connector.mtconnect.AgentDocument.Errors;
import dev.takt.connector.mtconnect.AgentDocument.Streams;
import dev.takt.connector.mtconnect.AgentDocuments.BadDocumentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hardened reader: hostile and broken documents are refused, agent errors are understood. */
class AgentDocumentsTest {

  @Test
  void refusesADocumentThatDeclaresAnExternalEntity(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]><MTConnectStreams><Header instanceId=\"1\" firstSequence=\"1\""
            + " nextSequence=\"2\" lastSequence=\"1\"/><Streams><DeviceStream name=\"m\">"
            + "<ComponentStream><Events><Program dataItemId=\"p\" sequence=\"1\">&xxe;</Program>"
            + "</Events></ComponentStream></DeviceStream></Streams></MTConnectStreams>";

    BadDocumentException e = assertThrows(BadDocumentException.class, () -> parse(xxe));
    assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:x");
  }

  @Test
  void refusesAnEntityExpansionBomb() {
    String lol =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
            + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<MTConnectError>&c;</MTConnectError>";

    assertThat(assertThrows(BadDocumentException.class, () -> parse(lol)).getMessage())
        .contains("DOCTYPE");
  }

  @Test
  void refusesMalformedAndForeignDocuments() {
    assertThrows(BadDocumentException.class, () -> parse("<MTConnectStreams><Header"));
    assertThrows(BadDocumentException.class, () -> parse("not xml at all"));
    assertThrows(BadDocumentException.class, () -> parse(""));
    assertThat(assertThrows(BadDocumentException.class, () -> parse("<html><body/></html>")))
        .hasMessageContaining("not an MTConnect document");
    assertThat(
            assertThrows(
                BadDocumentException.class,
                () ->
                    parse(
                        "<MTConnectStreams><Header instanceId=\"1\" firstSequence=\"1\""
                            + " nextSequence=\"x\" lastSequence=\"1\"/></MTConnectStreams>")))
        .hasMessageContaining("nextSequence");
  }

  @Test
  void readsAnOutOfRangeErrorOfAVersion1AndAVersion2Agent() throws Exception {
    Errors v1 =
        (Errors)
            parse(
                "<MTConnectError xmlns=\"urn:mtconnect.org:MTConnectError:1.3\"><Header"
                    + " instanceId=\"7\" bufferSize=\"10\"/><Errors><Error"
                    + " errorCode=\"OUT_OF_RANGE\">'from' must be greater than 12</Error></Errors>"
                    + "</MTConnectError>");
    Errors v2 =
        (Errors)
            parse(
                "<MTConnectError xmlns=\"urn:mtconnect.org:MTConnectError:2.6\"><Header"
                    + " instanceId=\"8\"/><Errors><OutOfRange><QueryParameter name=\"from\">"
                    + "<Minimum>20</Minimum></QueryParameter><URI>/sample?from=3</URI>"
                    + "<ErrorMessage>'from' too small</ErrorMessage></OutOfRange></Errors>"
                    + "</MTConnectError>");

    assertThat(v1.has("OUT_OF_RANGE")).isTrue();
    assertThat(v1.header().instanceId()).isEqualTo("7");
    assertThat(v2.errors())
        .containsExactly(new AgentDocument.AgentError("OUT_OF_RANGE", "'from' too small"));
  }

  @Test
  void readsDataSetEntriesAsKeyValuePairs() throws Exception {
    Streams streams =
        (Streams)
            parse(
                "<MTConnectStreams><Header instanceId=\"1\" firstSequence=\"1\" nextSequence=\"3\""
                    + " lastSequence=\"2\"/><Streams><DeviceStream name=\"m\"><ComponentStream>"
                    + "<Events><Variable dataItemId=\"v\" sequence=\"2\" timestamp=\"2022-08-08T14:00:00Z\""
                    + " count=\"2\"><Entry key=\"a\">1</Entry><Entry key=\"b\">x y</Entry></Variable>"
                    + "</Events></ComponentStream></DeviceStream></Streams></MTConnectStreams>");

    assertThat(streams.observations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.value()).isEqualTo("a=1 b=x y");
              assertThat(o.device()).isEqualTo("m");
              assertThat(o.category()).isEqualTo(AgentDocument.Category.EVENT);
            });
  }

  private static AgentDocument parse(String xml) throws BadDocumentException {
    return AgentDocuments.parse(xml.getBytes(StandardCharsets.UTF_8));
  }
}
