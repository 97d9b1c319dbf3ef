package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sink of one running connection: signals to ingestion, source states to the engine. */
final class ConnectionSink implements SignalSink {

  private final UUID connection;
  private final SignalIngest ingest;
  private final StateEngine engine;
  private final InputProblems problems;

  ConnectionSink(UUID connection, SignalIngest ingest, StateEngine engine, InputProblems problems) {
    this.connection = connection;
    this.ingest = ingest;
    this.engine = engine;
    this.problems = problems;
  }

  @Override
  public void accept(List<MachineSignal> batch) {
    ingest.accept(connection, batch);
  }

  @Override
  public void sourceState(String source, SourceState state, String detail, Instant at) {
    engine.sourceState(connection, source, state == SourceState.ONLINE, at);
  }

  @Override
  public void rejected(String source, String reason, String sample) {
    problems.report(connection, source, reason, sample);
  }
}
