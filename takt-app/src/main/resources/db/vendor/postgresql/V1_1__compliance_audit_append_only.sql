-- The schema itself refuses to change or remove an audit record, whoever asks. Deploy with a
-- migration user that owns the tables (spring.flyway.user) and an application user that does not,
-- so that the application cannot drop these triggers either (see docs/operations.md).
CREATE FUNCTION compliance_audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % of compliance_audit_record refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER compliance_audit_record_append_only
    BEFORE UPDATE OR DELETE ON compliance_audit_record
    FOR EACH ROW EXECUTE FUNCTION compliance_audit_refuse_change();

CREATE TRIGGER compliance_audit_record_no_truncate
    BEFORE TRUNCATE ON compliance_audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_audit_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON compliance_audit_record FROM PUBLIC;
