package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes signals to the time series, a batch per transaction, and returns only after the commit: on
 * PostgreSQL with {@code COPY ... FROM STDIN} (CSV), elsewhere (H2) as multi-row {@code INSERT}s of
 * up to {@value #ROWS_PER_STATEMENT} rows. A NUL character, which PostgreSQL cannot store in text,
 * becomes U+FFFD rather than costing the batch.
 */
@Component
class SignalStore {

  static final int ROWS_PER_STATEMENT = 500;
  private static final String COLUMNS =
      "machines_signal (connection_id, source, address, source_ms, received_ms, num_value,"
          + " text_value, flag_value, quality)";
  private static final String INSERT = "INSERT INTO " + COLUMNS + " VALUES ";
  private static final String COPY = "COPY " + COLUMNS + " FROM STDIN WITH (FORMAT csv)";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate tx;
  private final boolean postgres;
  private final SQLExceptionTranslator translator;

  SignalStore(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.tx = new TransactionTemplate(transactions);
    this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    boolean pg;
    try (Connection c = dataSource.getConnection()) {
      pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      pg = false;
    }
    this.postgres = pg;
  }

  /** Commits the batch; throws (a DataAccessException or TransactionException) if it cannot. */
  void write(UUID connection, List<MachineSignal> batch) {
    if (batch.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          if (postgres) {
            copy(connection, batch);
          } else {
            insert(connection, batch);
          }
        });
  }

  private void insert(UUID connection, List<MachineSignal> batch) {
    for (int from = 0; from < batch.size(); from += ROWS_PER_STATEMENT) {
      List<MachineSignal> chunk =
          batch.subList(from, Math.min(batch.size(), from + ROWS_PER_STATEMENT));
      jdbc.update(
          INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)),
          ps -> bind(ps, connection, chunk));
    }
  }

  private void copy(UUID connection, List<MachineSignal> batch) {
    StringBuilder csv = new StringBuilder(batch.size() * 96);
    String id = connection.toString();
    for (MachineSignal s : batch) {
      csv.append(id).append(',');
      quoted(csv, s.key().source()).append(',');
      quoted(csv, s.key().address()).append(',');
      csv.append(s.sourceTime().toEpochMilli()).append(',');
      csv.append(s.receivedAt().toEpochMilli()).append(',');
      SignalValue v = s.value();
      if (v instanceof SignalValue.Numeric n) {
        csv.append(n.value());
      }
      csv.append(',');
      if (v instanceof SignalValue.Text t) {
        quoted(csv, t.value());
      }
      csv.append(',');
      if (v instanceof SignalValue.Flag f) {
        csv.append(f.value() ? 't' : 'f');
      }
      csv.append(',').append(s.quality().ordinal()).append('\n');
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw translator.translate("COPY machine signals", COPY, e);
    } catch (java.io.IOException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException(
          "COPY machine signals: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** A CSV field in quotes, quotes doubled: empty text stays distinct from NULL. */
  private static StringBuilder quoted(StringBuilder csv, String text) {
    csv.append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        csv.append("\"\"");
      } else if (ch == '\u0000') {
        csv.append('\uFFFD');
      } else {
        csv.append(ch);
      }
    }
    return csv.append('"');
  }

  private static String clean(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }

  private static void bind(PreparedStatement ps, UUID connection, List<MachineSignal> chunk)
      throws SQLException {
    int i = 1;
    for (MachineSignal s : chunk) {
      ps.setObject(i++, connection);
      ps.setString(i++, clean(s.key().source()));
      ps.setString(i++, clean(s.key().address()));
      ps.setLong(i++, s.sourceTime().toEpochMilli());
      ps.setLong(i++, s.receivedAt().toEpochMilli());
      SignalValue v = s.value();
      if (v instanceof SignalValue.Numeric n) {
        ps.setDouble(i++, n.value());
      } else {
        ps.setNull(i++, Types.DOUBLE);
      }
      if (v instanceof SignalValue.Text t) {
        ps.setString(i++, clean(t.value()));
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
