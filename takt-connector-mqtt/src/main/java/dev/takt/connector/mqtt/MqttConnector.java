package dev.takt.connector.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.takt.connector.Connector;
import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.ConnectorStatus;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink;
import dev.takt.connector.SignalSink.SourceState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 connection to one broker: Sparkplug B host application and plain JSON topics, with the
 * HiveMQ MQTT client (NIO).
 *
 * <p><b>Life:</b> built from an {@link MqttConfig}; {@link #start(SignalSink)} connects in the
 * background (clean start off, so the broker keeps the session and queues QoS 1 messages while Takt
 * is away); after every connect it subscribes (QoS 1) and, as a Sparkplug host, publishes its
 * retained STATE {@code {"online":true,"timestamp":t}} with a last will of {@code online:false} and
 * the same timestamp. A lost connection is retried with growing back-off up to {@link
 * MqttConfig#reconnectMaxDelay()}. {@link #close()} publishes STATE offline and disconnects
 * normally; the session stays on the broker for {@link MqttConfig#sessionExpiry()}.
 *
 * <p><b>Nothing acknowledged is lost:</b> incoming messages are acknowledged by hand. A single
 * delivery thread takes them in arrival order, decodes them, batches their signals (up to {@link
 * MqttConfig#maxBatchSignals()} or {@link MqttConfig#maxBatchDelay()}) and sends the PUBACKs of a
 * batch's messages only after {@link SignalSink#accept} returned. If the sink throws, the same
 * batch is offered again with back-off, in order, and nothing newer is acknowledged. Meanwhile at
 * most {@link MqttConfig#receiveMaximum()} messages are in flight (MQTT 5 flow control); the broker
 * keeps the rest. Delivery is at least once: a message whose batch was taken but whose PUBACK did
 * not reach the broker (connection lost in between) comes again.
 *
 * <p>Bad input (malformed payloads, unknown aliases, wrong types, NaN, oversized texts) is reported
 * through {@link SignalSink#rejected} and counted; it is acknowledged like any handled message and
 * never stops the connection.
 */
public final class MqttConnector implements Connector {

  private static final Logger log = LoggerFactory.getLogger(MqttConnector.class);
  private static final Duration RETRY_FIRST = Duration.ofMillis(50);
  private static final Duration RETRY_MAX = Duration.ofSeconds(5);
  private static final Duration RECONNECT_FIRST = Duration.ofMillis(250);

  private record Inbound(Mqtt5Publish publish, Instant receivedAt) {}

  private final MqttConfig config;
  private final Clock clock;
  private final ConnectorCounters counters;
  private final BlockingQueue<Inbound> inbound;
  private final JsonTopics jsonTopics;
  private final SparkplugHost sparkplug;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean everConnected;
  private volatile long stateTimestamp;
  private Mqtt5AsyncClient client;
  private ExecutorService arrivals;
  private Thread delivery;
  private SignalSink sink;

  public MqttConnector(MqttConfig config) {
    this(config, Clock.systemUTC());
  }

  MqttConnector(MqttConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.counters = new ConnectorCounters(clock);
    // QoS 1 messages never exceed the receive maximum; the rest is room for QoS 0 messages.
    this.inbound = new ArrayBlockingQueue<>(config.receiveMaximum() + 1000);
    this.jsonTopics = new JsonTopics(config.jsonMappings());
    this.sparkplug =
        config.sparkplug()
            ? new SparkplugHost(config.hostApplicationId(), this::publishState)
            : null;
  }

  @Override
  public void start(SignalSink sink) {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("MQTT connector " + config.clientId() + " already started");
    }
    this.sink = sink;
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(config.clientId())
            .serverHost(config.host())
            .serverPort(config.port())
            .addConnectedListener(this::connected)
            .addDisconnectedListener(this::disconnected);
    if (config.tls()) {
      builder = builder.sslWithDefaultConfig();
    }
    client = builder.buildAsync();
    arrivals =
        Executors.newSingleThreadExecutor(
            r -> daemon(r, "takt-mqtt-arrivals-" + config.clientId()));
    // Registered before connecting, so the messages the broker kept for the session are caught too.
    client.publishes(MqttGlobalPublishFilter.ALL, this::arrived, arrivals, true);
    delivery = daemon(this::deliver, "takt-mqtt-delivery-" + config.clientId());
    delivery.start();
    client
        .connect(connectMessage())
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                log.info("MQTT {} not connected yet: {}", config.clientId(), error.getMessage());
              }
            });
  }

  @Override
  public ConnectorStatus status() {
    return counters.status();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || client == null) {
      counters.moveTo(State.STOPPED, null);
      return;
    }
    delivery.interrupt();
    try {
      delivery.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (client.getState().isConnected()) {
      try {
        if (sparkplug != null) {
          client
              .publishWith()
              .topic(stateTopic())
              .qos(MqttQos.AT_LEAST_ONCE)
              .retain(true)
              .payload(statePayload(false, stateTimestamp))
              .send()
              .get(2, TimeUnit.SECONDS);
        }
        client.disconnect().get(3, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.info("MQTT {} did not disconnect cleanly: {}", config.clientId(), e.toString());
      }
    } else {
      client.disconnect(); // stops a pending reconnect; fails harmlessly when not connected
    }
    arrivals.shutdownNow();
    counters.moveTo(State.STOPPED, null);
  }

  // --- connection -------------------------------------------------------------------------

  /** A CONNECT with a fresh STATE timestamp in its will (Sparkplug 3.0: birth and will match). */
  private Mqtt5Connect connectMessage() {
    stateTimestamp = clock.millis();
    Mqtt5ConnectBuilder connect =
        Mqtt5Connect.builder()
            .cleanStart(false)
            .sessionExpiryInterval(config.sessionExpiry().toSeconds())
            .keepAlive(30)
            .restrictions()
            .receiveMaximum(config.receiveMaximum())
            .applyRestrictions();
    if (config.username() != null) {
      var auth = connect.simpleAuth().username(config.username());
      connect =
          config.password() != null
              ? auth.password(config.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
              : auth.applySimpleAuth();
    }
    if (sparkplug != null) {
      connect =
          connect
              .willPublish()
              .topic(stateTopic())
              .qos(MqttQos.AT_LEAST_ONCE)
              .retain(true)
              .payload(statePayload(false, stateTimestamp))
              .applyWillPublish();
    }
    return connect.build();
  }

  private void connected(MqttClientConnectedContext context) {
    boolean sessionPresent =
        context instanceof Mqtt5ClientConnectedContext c && c.getConnAck().isSessionPresent();
    log.info("MQTT {} connected (session present: {})", config.clientId(), sessionPresent);
    client
        .subscribe(subscriptions())
        .whenComplete(
            (subAck, error) -> {
              if (error != null) {
                counters.moveTo(counters.state(), "subscribe failed: " + error.getMessage());
                log.warn("MQTT {} subscribe failed", config.clientId(), error);
                return;
              }
              String refused = refused(subAck);
              if (sparkplug != null) {
                publishState();
              }
              everConnected = true;
              counters.moveTo(State.CONNECTED, refused);
            });
  }

  private Mqtt5Subscribe subscriptions() {
    List<Mqtt5Subscription> subscriptions = new ArrayList<>();
    if (sparkplug != null) {
      for (String group : config.sparkplugGroups()) {
        subscriptions.add(
            Mqtt5Subscription.builder()
                .topicFilter(SparkplugHost.NAMESPACE + "/" + group + "/#")
                .qos(MqttQos.AT_LEAST_ONCE)
                .noLocal(true)
                .build());
      }
      subscriptions.add(
          Mqtt5Subscription.builder().topicFilter(stateTopic()).qos(MqttQos.AT_LEAST_ONCE).build());
    }
    for (JsonMapping mapping : config.jsonMappings()) {
      String filter =
          config.shareGroup() != null
              ? "$share/" + config.shareGroup() + "/" + mapping.topicFilter()
              : mapping.topicFilter();
      subscriptions.add(
          Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build());
    }
    return Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build();
  }

  private static String refused(Mqtt5SubAck subAck) {
    for (Mqtt5SubAckReasonCode code : subAck.getReasonCodes()) {
      if (code.isError()) {
        return "broker refused a subscription: " + subAck.getReasonCodes();
      }
    }
    return null;
  }

  private void disconnected(MqttClientDisconnectedContext context) {
    if (closed.get()) {
      context.getReconnector().reconnect(false);
      return;
    }
    String cause = context.getCause() == null ? "disconnected" : context.getCause().getMessage();
    counters.moveTo(everConnected ? State.RECONNECTING : State.CONNECTING, cause);
    long maxMs = config.reconnectMaxDelay().toMillis();
    int attempts = Math.min(context.getReconnector().getAttempts(), 16);
    long delay = Math.min(maxMs, RECONNECT_FIRST.toMillis() << attempts);
    delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    log.info("MQTT {} lost ({}); reconnecting in {} ms", config.clientId(), cause, delay);
    Mqtt5ClientReconnector reconnector = (Mqtt5ClientReconnector) context.getReconnector();
    reconnector
        .reconnect(true)
        .resubscribeIfSessionExpired(false) // connected() subscribes after every connect
        .resubscribeIfSessionPresent(false)
        .connect(connectMessage())
        .delay(delay, TimeUnit.MILLISECONDS);
  }

  private String stateTopic() {
    return SparkplugHost.NAMESPACE + "/STATE/" + config.hostApplicationId();
  }

  private static byte[] statePayload(boolean online, long timestamp) {
    return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Publishes this host's STATE as online (after connecting, or when someone said otherwise). */
  private void publishState() {
    if (closed.get()) {
      return;
    }
    client
        .publishWith()
        .topic(stateTopic())
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .payload(statePayload(true, stateTimestamp))
        .send()
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                log.warn("MQTT {} STATE not published: {}", config.clientId(), error.toString());
              }
            });
  }

  // --- delivery ---------------------------------------------------------------------------

  private void arrived(Mqtt5Publish publish) {
    try {
      inbound.put(new Inbound(publish, clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing: the broker keeps the unacknowledged message
    }
  }

  private final class Batch implements Decoded {
    final List<MachineSignal> signals = new ArrayList<>();
    final List<Mqtt5Publish> handled = new ArrayList<>();

    @Override
    public void signal(MachineSignal signal) {
      signals.add(signal);
    }

    @Override
    public void sourceState(String source, SourceState state, String detail, Instant at) {
      // What came before the state change is taken first, so the sink sees them in order.
      flush(this);
      retry("source state", () -> sink.sourceState(source, state, detail, at));
    }

    @Override
    public void rejected(String source, String reason, String sample) {
      counters.rejected();
      log.debug("MQTT {} rejected from {}: {}", config.clientId(), source, reason);
      try {
        sink.rejected(source, reason, sample);
      } catch (RuntimeException e) {
        log.warn("MQTT {} sink failed to record a rejection: {}", config.clientId(), e.toString());
      }
    }

    @Override
    public void command(String topic, byte[] payload) {
      log.info("MQTT {} publishes command to {}", config.clientId(), topic);
      client.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(payload).send();
    }
  }

  /** Thrown inside the delivery thread when the connector closes during a retry. */
  private static final class Closing extends RuntimeException {
    Closing() {
      super(null, null, false, false);
    }
  }

  private void deliver() {
    Batch batch = new Batch();
    try {
      while (!closed.get()) {
        Inbound first = inbound.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        handle(first, batch);
        long deadline = System.nanoTime() + config.maxBatchDelay().toNanos();
        while (batch.signals.size() < config.maxBatchSignals()) {
          Inbound next = inbound.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          handle(next, batch);
        }
        flush(batch);
      }
    } catch (InterruptedException | Closing e) {
      // closing: what was not acknowledged stays with the broker
    }
  }

  private void handle(Inbound message, Batch batch) {
    String topic = message.publish().getTopic().toString();
    byte[] payload = message.publish().getPayloadAsBytes();
    try {
      if (sparkplug != null && SparkplugHost.handles(topic)) {
        sparkplug.decode(topic, payload, message.receivedAt(), batch);
      } else {
        jsonTopics.decode(topic, payload, message.receivedAt(), batch);
      }
    } catch (Closing e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("MQTT {} could not decode a message on {}", config.clientId(), topic, e);
      batch.rejected(topic, "could not decode: " + e, "");
    }
    batch.handled.add(message.publish());
  }

  /** Hands the batch's signals to the sink (again and again until taken), then acknowledges. */
  private void flush(Batch batch) {
    if (!batch.signals.isEmpty()) {
      List<MachineSignal> signals = List.copyOf(batch.signals);
      retry("batch of " + signals.size() + " signals", () -> sink.accept(signals));
      counters.accepted(signals.size());
      batch.signals.clear();
    }
    for (Mqtt5Publish publish : batch.handled) {
      publish.acknowledge();
    }
    batch.handled.clear();
  }

  private void retry(String what, Runnable call) {
    long wait = RETRY_FIRST.toMillis();
    while (true) {
      if (closed.get()) {
        throw new Closing();
      }
      try {
        call.run();
        return;
      } catch (RuntimeException e) {
        log.warn(
            "MQTT {}: sink refused {} ({}); retrying in {} ms",
            config.clientId(),
            what,
            e.getMessage(),
            wait);
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        throw new Closing();
      }
      wait = Math.min(RETRY_MAX.toMillis(), wait * 2);
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
