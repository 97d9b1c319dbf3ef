package dev.takt.connector.mqtt;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink.SourceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a decoder produced for one or more messages, for decoder unit tests. */
final class Recorded implements Decoded {

  record State(String source, SourceState state) {}

  record Rejection(String source, String reason) {}

  record Command(String topic, byte[] payload) {}

  final List<MachineSignal> signals = new ArrayList<>();
  final List<State> states = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<Command> commands = new ArrayList<>();

  @Override
  public void signal(MachineSignal signal) {
    signals.add(signal);
  }

  @Override
  public void sourceState(String source, SourceState state, String detail, Instant at) {
    states.add(new State(source, state));
  }

  @Override
  public void rejected(String source, String reason, String sample) {
    rejections.add(new Rejection(source, reason));
  }

  @Override
  public void command(String topic, byte[] payload) {
    commands.add(new Command(topic, payload));
  }

  Object valueOf(String address) {
    return signals.stream()
        .filter(s -> s.key().address().equals(address))
        .reduce((a, b) -> b)
        .map(MachineSignal::value)
        .orElseThrow(() -> new AssertionError("no signal " + address + " in " + signals));
  }
}
