-- The embedded database refuses to change or remove an audit record too (a Java trigger).
CREATE TRIGGER compliance_audit_record_append_only
    BEFORE UPDATE, DELETE ON compliance_audit_record
    FOR EACH ROW CALL 'dev.takt.compliance.internal.AppendOnlyTrigger';
