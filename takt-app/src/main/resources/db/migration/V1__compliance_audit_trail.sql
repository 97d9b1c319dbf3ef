-- The audit trail: append-only, hash-chained. See dev.takt.compliance.
CREATE TABLE compliance_audit_record (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    action       VARCHAR(20)   NOT NULL,
    entity_type  VARCHAR(60)   NOT NULL,
    entity_key   VARCHAR(200)  NOT NULL,
    old_value    TEXT,
    new_value    TEXT,
    reason       VARCHAR(500),
    prev_hash    CHAR(64)      NOT NULL,
    hash         CHAR(64)      NOT NULL
);
CREATE INDEX compliance_audit_record_entity ON compliance_audit_record (entity_type, entity_key, seq);
CREATE INDEX compliance_audit_record_actor ON compliance_audit_record (actor, seq);

-- The tip of the chain: one row, locked by every append so appends form a single line.
CREATE TABLE compliance_audit_head (
    id         INT       NOT NULL PRIMARY KEY,
    last_seq   BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL
);
INSERT INTO compliance_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
