-- Performance (OEE): what the module keeps of execution's events, pre-aggregated per work unit and
-- 15-minute bucket so that a dashboard over a year reads at most 35,136 buckets per work unit and
-- never the raw bookings. See dev.takt.performance and docs/oee.md.
--
-- Every bucket row carries the business day and the start of the shift its bucket falls in (from
-- the site's shift calendar when the row was written), so shift, day, week and month views group
-- in SQL. Planned production time is not stored: it comes from the calendar at query time.

-- The live state of each work unit (the plant view) and the row its writers lock, so that events
-- of one work unit are applied one after the other.
CREATE TABLE performance_unit_state (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    operation_id    UUID,
    order_number    VARCHAR(40),
    sequence        INT,
    phase           VARCHAR(10),
    phase_since     TIMESTAMP WITH TIME ZONE,
    pause_reason    VARCHAR(30),
    downtime_id     UUID,
    downtime_reason VARCHAR(30),
    down_since      TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site, work_unit)
);

-- Which operation ran on which work unit from when to when (for an order's OEE).
CREATE TABLE performance_run (
    operation_id    UUID          NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    site            VARCHAR(20)   NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (operation_id, work_unit)
);
CREATE INDEX performance_run_order ON performance_run (order_number);

-- One row per downtime of execution: the source the stop buckets are (re)built from when a
-- downtime closes or its reason changes later.
CREATE TABLE performance_stop (
    downtime_id     UUID          NOT NULL PRIMARY KEY,
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    reason          VARCHAR(30),
    -- As of when the reason is known: events may arrive out of order, the latest word wins.
    reason_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX performance_stop_unit ON performance_stop (site, work_unit, opened_at);

-- Stop time inside planned production time per bucket, by reason ('' = unclassified) and by
-- whether the stop was a micro-stop (shorter than the threshold: a performance loss). stops counts
-- the stops whose first planned second falls in the bucket (for MTBF and MTTR).
CREATE TABLE performance_stop_bucket (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    bucket_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(30)   NOT NULL,
    micro           BOOLEAN       NOT NULL,
    business_day    DATE          NOT NULL,
    shift_start     TIMESTAMP WITH TIME ZONE,
    seconds         BIGINT        NOT NULL,
    stops           INT           NOT NULL,
    PRIMARY KEY (site, work_unit, bucket_start, reason, micro)
);

-- Counts per bucket and order: good, scrap, rework and the ideal time for them (ideal cycle time
-- of the operation x total count).
CREATE TABLE performance_count_bucket (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    bucket_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    business_day    DATE          NOT NULL,
    shift_start     TIMESTAMP WITH TIME ZONE,
    good            NUMERIC(19, 6) NOT NULL,
    scrap           NUMERIC(19, 6) NOT NULL,
    rework          NUMERIC(19, 6) NOT NULL,
    ideal_seconds   NUMERIC(19, 6) NOT NULL,
    PRIMARY KEY (site, work_unit, bucket_start, order_number)
);
CREATE INDEX performance_count_bucket_order ON performance_count_bucket (order_number);

-- Scrap and rework per bucket by reason (the scrap Pareto).
CREATE TABLE performance_scrap_bucket (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    bucket_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    reason          VARCHAR(30)   NOT NULL,
    business_day    DATE          NOT NULL,
    shift_start     TIMESTAMP WITH TIME ZONE,
    quantity        NUMERIC(19, 6) NOT NULL,
    PRIMARY KEY (site, work_unit, bucket_start, kind, reason),
    CONSTRAINT performance_scrap_bucket_kind_check CHECK (kind IN ('SCRAP', 'REWORK'))
);
