package dev.takt.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing of an MTConnect stream: one bad part never costs the parts after it. */
class MultipartReaderTest {

  private static final String B = "xyz123";

  @Test
  void splitsTheStreamIntoDocumentsByLength() throws Exception {
    MultipartReader parts = reader(part("<a/>") + part("<b>2</b>") + "--" + B + "--\r\n", 1024);

    assertThat(text(parts.next())).isEqualTo("<a/>");
    assertThat(text(parts.next())).isEqualTo("<b>2</b>");
    assertThat(parts.next()).isNull();
  }

  @Test
  void readsAPartWithoutOrWithAGarbledLengthUpToTheNextBoundary() throws Exception {
    String stream =
        "--"
            + B
            + "\r\nContent-type: text/xml\r\n\r\n<a/>\r\n"
            + "--"
            + B
            + "\r\nContent-length: many\r\n\r\n<b/>\r\n"
            + part("<c/>");
    MultipartReader parts = reader(stream, 1024);

    assertThat(text(parts.next())).isEqualTo("<a/>");
    assertThat(text(parts.next())).isEqualTo("<b/>");
    assertThat(text(parts.next())).isEqualTo("<c/>");
  }

  @Test
  void skipsAPartLargerThanTheLimitAndReadsTheNext() throws Exception {
    String big = "<a>" + "x".repeat(5000) + "</a>";
    MultipartReader parts =
        reader(
            part(big)
                + "--"
                + B
                + "\r\n\r\n"
                + big
                + "\r\n" // without length
                + part("<small/>"),
            1024);

    assertThat(assertThrows(MultipartReader.BadPartException.class, parts::next))
        .hasMessageContaining("larger than maxDocumentSize");
    assertThrows(MultipartReader.BadPartException.class, parts::next);
    assertThat(text(parts.next())).isEqualTo("<small/>");
  }

  @Test
  void skipsGarbageBetweenParts() throws Exception {
    MultipartReader parts =
        reader("garbage\r\nmore\r\n" + part("<a/>") + "junk\r\n" + part("<b/>"), 1024);

    assertThat(text(parts.next())).isEqualTo("<a/>");
    assertThat(text(parts.next())).isEqualTo("<b/>");
  }

  @Test
  void findsTheBoundaryInTheContentType() {
    assertThat(MultipartReader.boundaryOf("multipart/x-mixed-replace;boundary=abc"))
        .isEqualTo("abc");
    assertThat(MultipartReader.boundaryOf("multipart/x-mixed-replace; boundary=\"a b\""))
        .isEqualTo("a b");
    assertThat(MultipartReader.boundaryOf("text/xml")).isNull();
    assertThat(MultipartReader.boundaryOf(null)).isNull();
  }

  private static String part(String body) {
    return "--"
        + B
        + "\r\nContent-type: text/xml\r\nContent-length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body
        + "\r\n";
  }

  private static MultipartReader reader(String stream, int max) {
    return new MultipartReader(
        new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), B, max);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
