-- The outbox of confirmations for the ERP. sequence comes from the single-row counter below,
-- taken inside the booking's transaction: see dev.takt.execution.internal.Confirmations for why.
CREATE TABLE execution_confirmation_counter (
    id              INT           NOT NULL PRIMARY KEY,
    last_sequence   BIGINT        NOT NULL
);
INSERT INTO execution_confirmation_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE execution_confirmation (
    sequence        BIGINT        NOT NULL PRIMARY KEY,
    id              UUID          NOT NULL,
    type            VARCHAR(20)   NOT NULL,
    site            VARCHAR(20)   NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    operation_id    UUID          NOT NULL,
    operation_seq   INT           NOT NULL,
    work_unit       VARCHAR(20),
    unit            VARCHAR(10),
    good            NUMERIC(19, 6),
    scrap           NUMERIC(19, 6),
    rework          NUMERIC(19, 6),
    scrap_reason    VARCHAR(30),
    rework_reason   VARCHAR(30),
    operator        VARCHAR(60),
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    setup_seconds   BIGINT,
    run_seconds     BIGINT,
    labour_seconds  BIGINT,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(200),
    CONSTRAINT execution_confirmation_id_unique UNIQUE (id),
    CONSTRAINT execution_confirmation_type_check
        CHECK (type IN ('QUANTITY', 'TIME_TICKET', 'COMPLETION'))
);
CREATE INDEX execution_confirmation_pending ON execution_confirmation (delivered_at, sequence);
