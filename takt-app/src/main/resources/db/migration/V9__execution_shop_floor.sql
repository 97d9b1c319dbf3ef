-- Shop-floor execution: the state of each operation and of the work units it runs on, labour,
-- downtime and material consumption. See dev.takt.execution.
CREATE TABLE execution_operation (
    operation_id    UUID          NOT NULL PRIMARY KEY,
    order_number    VARCHAR(40)   NOT NULL,
    sequence        INT           NOT NULL,
    site            VARCHAR(20)   NOT NULL,
    work_center     VARCHAR(20)   NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    good            NUMERIC(19, 6) NOT NULL,
    scrap           NUMERIC(19, 6) NOT NULL,
    rework          NUMERIC(19, 6) NOT NULL,
    setup_seconds   BIGINT        NOT NULL,
    run_seconds     BIGINT        NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT        NOT NULL,
    CONSTRAINT execution_operation_status_check CHECK (status IN ('WAITING', 'ACTIVE', 'COMPLETED'))
);
CREATE INDEX execution_operation_order ON execution_operation (order_number, sequence);

-- What one work unit does on an operation right now; a row exists only while it is on it.
CREATE TABLE execution_unit_run (
    operation_id    UUID          NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    site            VARCHAR(20)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    resume_phase    VARCHAR(10),
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    pause_reason    VARCHAR(30),
    PRIMARY KEY (operation_id, work_unit),
    CONSTRAINT execution_unit_run_state_check CHECK (state IN ('SETUP', 'RUNNING', 'PAUSED'))
);
CREATE INDEX execution_unit_run_unit ON execution_unit_run (site, work_unit);

CREATE TABLE execution_labour (
    id              UUID          NOT NULL PRIMARY KEY,
    operation_id    UUID          NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    operator        VARCHAR(60)   NOT NULL,
    clocked_on_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    clocked_off_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX execution_labour_operation ON execution_labour (operation_id, clocked_on_at);

CREATE TABLE execution_downtime (
    id              UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    work_center     VARCHAR(20)   NOT NULL,
    reason          VARCHAR(30),
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    -- The work unit while open, null once closed: the unique key allows one open downtime per unit
    -- even when two terminals open one at the same moment (NULLs do not clash).
    open_unit       VARCHAR(20),
    version         BIGINT        NOT NULL,
    CONSTRAINT execution_downtime_one_open UNIQUE (site, open_unit)
);
CREATE INDEX execution_downtime_unit ON execution_downtime (site, work_unit, opened_at);

CREATE TABLE execution_consumption (
    id              UUID          NOT NULL PRIMARY KEY,
    operation_id    UUID          NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    material        VARCHAR(40)   NOT NULL,
    lot             VARCHAR(40),
    quantity        NUMERIC(19, 6) NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    consumed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_by     VARCHAR(60)   NOT NULL
);
CREATE INDEX execution_consumption_operation ON execution_consumption (operation_id, consumed_at);
