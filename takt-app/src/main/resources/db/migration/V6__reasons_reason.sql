-- Reason codes: downtime, scrap and rework catalogues, each a tree. See dev.takt.reasons.
CREATE TABLE reasons_reason (
    id             UUID          NOT NULL PRIMARY KEY,
    kind           VARCHAR(10)   NOT NULL,
    code           VARCHAR(30)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    description    VARCHAR(500),
    parent_id      UUID          REFERENCES reasons_reason (id),
    category       BOOLEAN       NOT NULL,
    colour         CHAR(7)       NOT NULL,
    sort_order     INT           NOT NULL,
    active         BOOLEAN       NOT NULL,
    -- Only DOWNTIME reasons carry these; null on a downtime reason means "as its category says".
    planned        BOOLEAN,
    loss_category  VARCHAR(30),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT reasons_reason_code_unique UNIQUE (kind, code),
    CONSTRAINT reasons_reason_kind_check CHECK (kind IN ('DOWNTIME', 'SCRAP', 'REWORK')),
    CONSTRAINT reasons_reason_downtime_only CHECK (
        kind = 'DOWNTIME' OR (planned IS NULL AND loss_category IS NULL))
);
CREATE INDEX reasons_reason_parent ON reasons_reason (parent_id);
