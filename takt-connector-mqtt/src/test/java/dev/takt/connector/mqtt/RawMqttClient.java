package dev.takt.connector.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare MQTT 3.1.1 client on a socket, so a test can do what a crashing edge node does: close the
 * TCP connection without DISCONNECT, which makes the broker publish the client's last will.
 */
final class RawMqttClient implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private int packetId;

  /** Connects with a QoS 1 will. */
  RawMqttClient(String clientId, String willTopic, byte[] will) throws IOException {
    socket = new Socket(Broker.HOST, Broker.PORT);
    out = socket.getOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, "MQTT".getBytes(StandardCharsets.UTF_8));
    body.write(4); // protocol level 3.1.1
    body.write(0x02 | 0x04 | 0x08); // clean session, will, will QoS 1
    body.write(0);
    body.write(60); // keep alive
    string(body, clientId.getBytes(StandardCharsets.UTF_8));
    string(body, willTopic.getBytes(StandardCharsets.UTF_8));
    string(body, will);
    packet(0x10, body.toByteArray());
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] connAck = new byte[4];
    in.readFully(connAck);
    if (connAck[0] != 0x20 || connAck[3] != 0) {
      throw new IOException("broker refused the connection: return code " + connAck[3]);
    }
  }

  /** Publishes at QoS 1 (the PUBACK is not read: the socket only ever goes away). */
  void publish(String topic, byte[] payload) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, topic.getBytes(StandardCharsets.UTF_8));
    packetId++;
    body.write(packetId >> 8);
    body.write(packetId & 0xFF);
    body.write(payload);
    packet(0x32, body.toByteArray());
  }

  /** Drops the connection as a crash would: no DISCONNECT. */
  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void packet(int header, byte[] body) throws IOException {
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(header);
    int length = body.length;
    do {
      int digit = length % 128;
      length /= 128;
      packet.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    packet.write(body);
    out.write(packet.toByteArray());
    out.flush();
  }

  private static void string(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xFF);
    out.write(bytes, 0, bytes.length);
  }
}
