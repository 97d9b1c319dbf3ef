package dev.takt.compliance.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL triggers: refuses UPDATE and DELETE of audit records, and
 * UPDATE of records waiting to be linked into the chain.
 */
public class AppendOnlyTrigger implements Trigger {

  private String table = "compliance_audit_record";

  @Override
  public void init(
      Connection conn,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    table = tableName.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "the audit trail is append-only: "
            + (newRow == null ? "DELETE" : "UPDATE")
            + " of "
            + table
            + " refused",
        "42501");
  }
}
