package dev.takt.compliance.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger: refuses UPDATE and DELETE of audit records. */
public class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "the audit trail is append-only: "
            + (newRow == null ? "DELETE" : "UPDATE")
            + " of compliance_audit_record refused",
        "42501");
  }
}
