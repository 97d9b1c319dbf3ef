package dev.takt.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 client for the load generator: blocking sockets (the callers are virtual
 * threads), a pool of keep-alive connections, one request at a time per connection. The load
 * generator shares the two cores with the server it measures, and the JDK's {@code HttpClient} is
 * not cheap (a selector thread, futures and body publishers per call; the seeding, on it, used
 * about 1 ms of CPU per call with its JSON); this one writes the request bytes and reads the status
 * line, the headers and the body, which it discards unless the status is an error.
 *
 * <p>What the benchmark measures does not change: each call still opens a connection when none is
 * idle (as the JDK client does), waits for the whole response, and times out after 30 s.
 */
final class PlainHttp {

  /**
   * A response: the status, and the body for statuses of 300 and above (or always, when asked to
   * keep it).
   */
  record Response(int status, byte[] errorBody) {
    /** The body, when it was kept. */
    byte[] body() {
      return errorBody;
    }
  }

  private static final int TIMEOUT_MILLIS = 30_000;

  private final String host;
  private final int port;
  private final String hostHeader;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  PlainHttp(String host, int port) {
    this.host = host;
    this.port = port;
    this.hostHeader = "Host: " + host + ":" + port + "\r\n";
  }

  /**
   * Sends one request. {@code headers} are complete header lines without CRLF ("Name: value"). A
   * request that fails on a reused keep-alive connection before any answer arrived (the server
   * closed it while it was idle) is sent once more on a new connection.
   */
  Response send(String method, String target, String[] headers, byte[] body) throws IOException {
    return send(method, target, headers, body, false);
  }

  /** As {@link #send(String, String, String[], byte[])}, keeping the body whatever the status. */
  Response send(String method, String target, String[] headers, byte[] body, boolean keepBody)
      throws IOException {
    Connection c = idle.pollFirst();
    boolean reused = c != null;
    if (c == null) {
      c = new Connection();
    }
    try {
      return exchange(c, method, target, headers, body, keepBody);
    } catch (StaleConnection e) {
      c.close();
      if (!reused) {
        throw e;
      }
      Connection fresh = new Connection();
      try {
        return exchange(fresh, method, target, headers, body, keepBody);
      } catch (IOException again) {
        fresh.close();
        throw again;
      }
    } catch (IOException e) {
      c.close();
      throw e;
    }
  }

  private Response exchange(
      Connection c, String method, String target, String[] headers, byte[] body, boolean keepBody)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n").append(hostHeader);
    for (String h : headers) {
      head.append(h).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    OutputStream out = c.out;
    try {
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
    } catch (IOException e) {
      throw new StaleConnection(e);
    }
    InputStream in = c.in;
    String status;
    try {
      status = line(in);
    } catch (java.net.SocketTimeoutException e) {
      throw e; // the server has the request and did not answer in time: no second try
    } catch (IOException e) {
      throw new StaleConnection(e);
    }
    if (status == null) {
      throw new StaleConnection(new EOFException("connection closed before the answer"));
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    ByteArrayOutputStream keep =
        keepBody || code >= 300
            ? new ByteArrayOutputStream(length > 0 && length < 1 << 30 ? (int) length : 8192)
            : null;
    if (chunked) {
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new EOFException("connection closed in a chunked body");
        }
        int semi = size.indexOf(';');
        long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
            // trailers: none expected
          }
          break;
        }
        skip(in, n, keep);
        line(in); // the CRLF after the chunk
      }
    } else if (length >= 0) {
      skip(in, length, keep);
    } else if (!method.equals("HEAD") && code != 204 && code != 304) {
      // no length: the body ends with the connection
      skip(in, Long.MAX_VALUE, keep);
      close = true;
    }
    if (close) {
      c.close();
    } else {
      idle.addFirst(c);
    }
    return new Response(code, keep == null ? null : keep.toByteArray());
  }

  /** Reads a line up to CRLF (without it); null at the end of the stream before any byte. */
  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    int ch;
    while ((ch = in.read()) >= 0) {
      if (ch == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      b.append((char) ch);
    }
    return b.isEmpty() ? null : b.toString();
  }

  private static void skip(InputStream in, long n, ByteArrayOutputStream keep) throws IOException {
    byte[] buffer = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (r < 0) {
        if (n == Long.MAX_VALUE) {
          return;
        }
        throw new EOFException("connection closed in the body");
      }
      if (keep != null) {
        keep.write(buffer, 0, r);
      }
      left -= r;
    }
  }

  /** A failure that means the server never saw the request or never answered it. */
  private static final class StaleConnection extends IOException {
    StaleConnection(IOException cause) {
      super(cause);
    }
  }

  private final class Connection {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    Connection() throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      in = new BufferedInputStream(socket.getInputStream(), 16384);
      out = socket.getOutputStream();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
