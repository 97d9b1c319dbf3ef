package dev.takt.connector.mtconnect;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Splits an MTConnect stream ({@code multipart/x-mixed-replace}, HTTP chunked) into its documents.
 * Each part is {@code --boundary}, headers ({@code Content-type}, {@code Content-length}), a blank
 * line and one XML document. A part whose length is missing or garbled is read up to the next
 * boundary instead; a part larger than the limit is skipped and reported, so one bad part never
 * ends the stream.
 */
final class MultipartReader {

  /** A part that could not be framed; the reader has already moved on to the next boundary. */
  static final class BadPartException extends Exception {
    BadPartException(String message) {
      super(message);
    }
  }

  private static final int MAX_LINE = 8 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final String boundaryLine;
  private final int maxPartSize;
  private boolean atPart;

  MultipartReader(InputStream in, String boundary, int maxPartSize) {
    this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
    this.boundaryLine = "--" + boundary;
    this.delimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.maxPartSize = maxPartSize;
  }

  /** The boundary of a {@code multipart/...;boundary=...} content type, or null if it is none. */
  static String boundaryOf(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/")) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length()).strip();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        return b.isEmpty() || b.length() > 200 ? null : b;
      }
    }
    return null;
  }

  /**
   * The next document of the stream, or {@code null} when the stream ends.
   *
   * @throws BadPartException for a part that is too large or not framed as a part; the next call
   *     reads the part after it
   * @throws IOException when the connection fails
   */
  byte[] next() throws IOException, BadPartException {
    if (!atPart && !skipToBoundary()) {
      return null;
    }
    atPart = false;
    int contentLength = -1;
    String badLength = null;
    while (true) {
      String line = readLine();
      if (line == null) {
        return null;
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-length")) {
        String value = line.substring(colon + 1).strip();
        try {
          contentLength = Integer.parseInt(value);
          if (contentLength < 0) {
            badLength = value;
            contentLength = -1;
          }
        } catch (NumberFormatException e) {
          badLength = value.length() > 40 ? value.substring(0, 40) : value;
        }
      }
    }
    if (contentLength > maxPartSize) {
      skip(contentLength);
      throw new BadPartException(
          "part of " + contentLength + " bytes is larger than maxDocumentSize " + maxPartSize);
    }
    if (contentLength >= 0) {
      byte[] body = in.readNBytes(contentLength);
      if (body.length < contentLength) {
        throw new EOFException("stream ended inside a part");
      }
      return body;
    }
    // no usable Content-length: read up to the next boundary; the document itself then shows
    // whether it is whole
    byte[] body = readToDelimiter();
    if (body == null) {
      throw new BadPartException(
          (badLength != null ? "part with a garbled Content-length (" + badLength + ") " : "part ")
              + "is larger than maxDocumentSize "
              + maxPartSize);
    }
    return body;
  }

  /** Reads lines until the boundary line; false at end of stream. */
  private boolean skipToBoundary() throws IOException {
    while (true) {
      String line = readLine();
      if (line == null) {
        return false;
      }
      String l = line.strip();
      if (l.equals(boundaryLine)) {
        return true;
      }
      if (l.equals(boundaryLine + "--")) {
        return false;
      }
    }
  }

  /**
   * Reads up to the next {@code \n--boundary}, leaving the reader positioned at the next part's
   * headers. Returns null (having skipped the part) when it exceeds the limit.
   */
  private byte[] readToDelimiter() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int matched = 0;
    boolean tooLarge = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stream ended inside a part");
      }
      if (b == delimiter[matched]) {
        matched++;
        if (matched == delimiter.length) {
          String rest = readLine(); // "" or "--" (the closing boundary)
          atPart = rest != null && !rest.strip().equals("--");
          if (tooLarge) {
            return null;
          }
          byte[] bytes = body.toByteArray();
          int end = bytes.length;
          if (end > 0 && bytes[end - 1] == '\r') {
            end--;
          }
          return java.util.Arrays.copyOf(bytes, end);
        }
        continue;
      }
      if (matched > 0) {
        if (!tooLarge) {
          body.write(delimiter, 0, matched);
        }
        matched = b == delimiter[0] ? 1 : 0;
        if (matched == 1) {
          continue;
        }
      }
      if (!tooLarge) {
        body.write(b);
        if (body.size() > maxPartSize) {
          tooLarge = true;
          body = new ByteArrayOutputStream();
        }
      }
    }
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("stream ended inside a part");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** A line without its CR LF; over-long lines are cut (their rest skipped); null at the end. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.isEmpty() ? null : line.toString();
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() < MAX_LINE) {
        line.append((char) b);
      }
    }
  }
}
