-- A record waiting to be linked into the chain may be moved into it, never changed.
CREATE TRIGGER compliance_audit_pending_no_update
    BEFORE UPDATE ON compliance_audit_pending
    FOR EACH ROW CALL 'dev.takt.compliance.internal.AppendOnlyTrigger';
