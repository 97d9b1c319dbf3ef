package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalValue;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes signals to the time series, a batch per transaction, as multi-row {@code INSERT}s of up to
 * {@value #ROWS_PER_STATEMENT} rows (one round trip for hundreds of signals, on H2 and PostgreSQL
 * alike). Returns only after the commit.
 */
@Component
class SignalStore {

  static final int ROWS_PER_STATEMENT = 500;
  private static final String INSERT =
      "INSERT INTO machines_signal (connection_id, source, address, source_ms, received_ms,"
          + " num_value, text_value, flag_value, quality) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  SignalStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  /** Commits the batch; throws (a DataAccessException or TransactionException) if it cannot. */
  void write(UUID connection, List<MachineSignal> batch) {
    if (batch.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          for (int from = 0; from < batch.size(); from += ROWS_PER_STATEMENT) {
            List<MachineSignal> chunk =
                batch.subList(from, Math.min(batch.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(
                INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), ROW)),
                ps -> bind(ps, connection, chunk));
          }
        });
  }

  private static void bind(PreparedStatement ps, UUID connection, List<MachineSignal> chunk)
      throws SQLException {
    int i = 1;
    for (MachineSignal s : chunk) {
      ps.setObject(i++, connection);
      ps.setString(i++, s.key().source());
      ps.setString(i++, s.key().address());
      ps.setLong(i++, s.sourceTime().toEpochMilli());
      ps.setLong(i++, s.receivedAt().toEpochMilli());
      SignalValue v = s.value();
      if (v instanceof SignalValue.Numeric n) {
        ps.setDouble(i++, n.value());
      } else {
        ps.setNull(i++, Types.DOUBLE);
      }
      if (v instanceof SignalValue.Text t) {
        ps.setString(i++, t.value());
      } else {
        ps.setNull(i++, Types.VARCHAR);
      }
      if (v instanceof SignalValue.Flag f) {
        ps.setBoolean(i++, f.value());
      } else {
        ps.setNull(i++, Types.BOOLEAN);
      }
      ps.setShort(i++, (short) s.quality().ordinal());
    }
  }
}
