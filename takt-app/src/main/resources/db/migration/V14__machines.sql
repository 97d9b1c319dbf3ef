-- Machine connectivity: connections to machines, the mapping of their signals to work units, the
-- signal time series, machine-state intervals, alarms and counts. See dev.takt.machines.

-- A connection to machines over one protocol. settings is the protocol's JSON without secrets;
-- secrets holds the write-only values (passwords), encrypted when takt.machines.secret-key is set.
CREATE TABLE machines_connection (
    id              UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    name            VARCHAR(60)   NOT NULL,
    protocol        VARCHAR(12)   NOT NULL,
    settings        TEXT          NOT NULL,
    secrets         TEXT,
    enabled         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT machines_connection_name UNIQUE (name),
    CONSTRAINT machines_connection_protocol_check CHECK (protocol IN ('OPCUA', 'MTCONNECT', 'MQTT'))
);

-- How one work unit's signals become its state, counts, alarms and process values (JSON).
CREATE TABLE machines_mapping (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    connection_id   UUID          NOT NULL,
    source          VARCHAR(512)  NOT NULL,
    definition      TEXT          NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (site, work_unit)
);
CREATE INDEX machines_mapping_connection ON machines_mapping (connection_id);

-- The signal time series: every value a connector delivered, as it came. Times are epoch
-- milliseconds (UTC) so that down-sampling buckets are integer arithmetic on both databases; no
-- primary key, rows are only appended and purged by age.
CREATE TABLE machines_signal (
    connection_id   UUID          NOT NULL,
    source          VARCHAR(512)  NOT NULL,
    address         VARCHAR(512)  NOT NULL,
    source_ms       BIGINT        NOT NULL,
    received_ms     BIGINT        NOT NULL,
    num_value       DOUBLE PRECISION,
    text_value      VARCHAR(4096),
    flag_value      BOOLEAN,
    quality         SMALLINT      NOT NULL
);
CREATE INDEX machines_signal_series ON machines_signal (connection_id, source, address, source_ms);
CREATE INDEX machines_signal_age ON machines_signal (received_ms);

-- The state engine's memory per mapped work unit: current state, counter baselines, and the
-- downtime it opened in execution (so a restart neither double-counts nor loses a stop).
CREATE TABLE machines_unit_state (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    part_count      DOUBLE PRECISION,
    scrap_count     DOUBLE PRECISION,
    downtime_id     UUID,
    PRIMARY KEY (site, work_unit)
);

-- Machine-state intervals; ended_at is null for the current one.
CREATE TABLE machines_state_interval (
    id              UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT machines_state_interval_state_check
        CHECK (state IN ('RUNNING', 'IDLE', 'DOWN', 'SETUP', 'OFFLINE'))
);
CREATE INDEX machines_state_interval_unit ON machines_state_interval (site, work_unit, started_at);

-- Alarms as the machine raised and cleared them.
CREATE TABLE machines_alarm (
    id              UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    alarm           VARCHAR(40)   NOT NULL,
    text            VARCHAR(4096),
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX machines_alarm_unit ON machines_alarm (site, work_unit, raised_at);

-- Counts a machine reported, and the operation they were booked on (null: none was running).
CREATE TABLE machines_count (
    id              UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    counted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    good            NUMERIC(19, 6) NOT NULL,
    scrap           NUMERIC(19, 6) NOT NULL,
    operation_id    UUID,
    note            VARCHAR(500)
);
CREATE INDEX machines_count_unit ON machines_count (site, work_unit, counted_at);
