package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where signal batches wait on local disk while the database cannot take them: one file per batch,
 * named by a sequence number, written to a temporary name, forced to disk and then renamed, so a
 * crash leaves either the whole batch or none. Bounded by {@code takt.machines.spool.max-size}: a
 * full spool refuses the batch, and the connector keeps it (and does not acknowledge it) instead.
 *
 * <p>Read back oldest first by {@link SignalIngest}'s replayer; a batch is deleted only after it is
 * committed. The count of waiting batches per connection keeps the order of each connection: while
 * one of its batches waits here, its new ones queue behind it.
 */
@Component
class SignalSpool {

  private static final int MAGIC = 0x54414b53; // TAKS
  private static final String SUFFIX = ".batch";

  /** A batch read back, with the file it came from. */
  record Spooled(long sequence, UUID connection, List<MachineSignal> signals, Path file) {}

  private final Path dir;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();
  private final Map<UUID, AtomicLong> waiting = new ConcurrentHashMap<>();
  private final TreeMap<Long, Path> files = new TreeMap<>();
  private long nextSequence;

  SignalSpool(
      @Value("${takt.machines.spool.dir:data/spool/signals}") Path dir,
      @Value("${takt.machines.spool.max-size:512MB}") DataSize maxSize) {
    this.dir = dir;
    this.maxBytes = maxSize.toBytes();
    try {
      Files.createDirectories(dir);
      try (var list = Files.list(dir)) {
        for (Path p : list.toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".tmp")) {
            Files.deleteIfExists(p); // a batch whose write never finished was never acknowledged
          } else if (name.endsWith(SUFFIX)) {
            long seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            files.put(seq, p);
            bytes.addAndGet(Files.size(p));
            counter(readHeader(p)).incrementAndGet();
            nextSequence = Math.max(nextSequence, seq + 1);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the signal spool at " + dir.toAbsolutePath(), e);
    }
  }

  Path dir() {
    return dir;
  }

  /** Batches of this connection waiting in the spool. */
  long waiting(UUID connection) {
    AtomicLong n = waiting.get(connection);
    return n == null ? 0 : n.get();
  }

  synchronized int size() {
    return files.size();
  }

  long bytes() {
    return bytes.get();
  }

  /**
   * Puts a batch on disk; durable when this returns.
   *
   * @throws IllegalStateException when the spool is full or the disk refuses
   */
  synchronized void append(UUID connection, List<MachineSignal> batch) {
    byte[] data = encode(connection, batch);
    if (bytes.get() + data.length > maxBytes) {
      throw new IllegalStateException(
          "signal spool is full (" + DataSize.ofBytes(bytes.get()).toMegabytes() + " MB)");
    }
    long seq = nextSequence++;
    Path target = dir.resolve(String.format("%019d%s", seq, SUFFIX));
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write to the signal spool: " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write to the signal spool: " + e.getMessage(), e);
    }
    files.put(seq, target);
    bytes.addAndGet(data.length);
    counter(connection).incrementAndGet();
  }

  /** The oldest waiting batch, read back. */
  Optional<Spooled> oldest() {
    Map.Entry<Long, Path> first;
    synchronized (this) {
      first = files.firstEntry();
    }
    if (first == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(decode(first.getKey(), first.getValue()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spooled batch " + first.getValue(), e);
    }
  }

  /** Forgets a batch that is committed now. */
  void done(Spooled batch) {
    long size;
    try {
      size = Files.size(batch.file());
      Files.deleteIfExists(batch.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      files.remove(batch.sequence());
    }
    bytes.addAndGet(-size);
    counter(batch.connection()).decrementAndGet();
  }

  /** Moves a batch the database refuses for good aside ({@code failed/}), out of the way. */
  void setAside(Spooled batch) {
    try {
      Path failed = Files.createDirectories(dir.resolve("failed"));
      long size = Files.size(batch.file());
      Files.move(batch.file(), failed.resolve(batch.file().getFileName()));
      synchronized (this) {
        files.remove(batch.sequence());
      }
      bytes.addAndGet(-size);
      counter(batch.connection()).decrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AtomicLong counter(UUID connection) {
    return waiting.computeIfAbsent(connection, c -> new AtomicLong());
  }

  // ------------------------------------------------------------------ format

  private static byte[] encode(UUID connection, List<MachineSignal> batch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(connection.getMostSignificantBits());
      out.writeLong(connection.getLeastSignificantBits());
      out.writeInt(batch.size());
      for (MachineSignal s : batch) {
        out.writeUTF(s.key().source());
        out.writeUTF(s.key().address());
        out.writeLong(s.sourceTime().toEpochMilli());
        out.writeLong(s.receivedAt().toEpochMilli());
        out.writeByte(s.quality().ordinal());
        switch (s.value()) {
          case SignalValue.Numeric n -> {
            out.writeByte(1);
            out.writeDouble(n.value());
          }
          case SignalValue.Text t -> {
            out.writeByte(2);
            byte[] text = t.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
          }
          case SignalValue.Flag f -> {
            out.writeByte(3);
            out.writeBoolean(f.value());
          }
          case SignalValue.Unavailable u -> out.writeByte(4);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static UUID readHeader(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a spooled batch: " + file);
      }
      return new UUID(in.readLong(), in.readLong());
    }
  }

  private static Spooled decode(long seq, Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a spooled batch: " + file);
      }
      UUID connection = new UUID(in.readLong(), in.readLong());
      int n = in.readInt();
      List<MachineSignal> signals = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        SignalKey key = new SignalKey(in.readUTF(), in.readUTF());
        Instant source = Instant.ofEpochMilli(in.readLong());
        Instant received = Instant.ofEpochMilli(in.readLong());
        SignalQuality quality = SignalQuality.values()[in.readByte()];
        SignalValue value =
            switch (in.readByte()) {
              case 1 -> SignalValue.of(in.readDouble());
              case 2 -> {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                yield SignalValue.of(new String(text, java.nio.charset.StandardCharsets.UTF_8));
              }
              case 3 -> SignalValue.of(in.readBoolean());
              default -> SignalValue.unavailable();
            };
        signals.add(new MachineSignal(key, value, quality, source, received));
      }
      return new Spooled(seq, connection, signals, file);
    }
  }
}
