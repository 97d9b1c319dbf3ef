-- A record waiting to be linked into the chain may be moved into it (deleted here by the sealer),
-- never changed.
CREATE FUNCTION compliance_audit_pending_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: UPDATE of compliance_audit_pending refused'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER compliance_audit_pending_no_update
    BEFORE UPDATE ON compliance_audit_pending
    FOR EACH ROW EXECUTE FUNCTION compliance_audit_pending_refuse_update();

REVOKE UPDATE ON compliance_audit_pending FROM PUBLIC;
