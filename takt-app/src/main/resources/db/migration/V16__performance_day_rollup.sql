-- Performance (OEE): the 15-minute buckets rolled up per work unit and business day, so that views
-- over months and a year (daily OEE per work unit, the year dashboard) read one row per unit and
-- day instead of ~96. Kept by the same writer as the buckets, in the same transaction: counts are
-- added to both; the stop rows of a business day are re-summed from its buckets whenever a
-- downtime rebuilds them (a late reason, a correction), so a day row always equals the sum of its
-- buckets. Views use them for the whole business days inside their range and the buckets for the
-- ragged edges. See docs/oee.md.

CREATE TABLE performance_stop_day (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    business_day    DATE          NOT NULL,
    reason          VARCHAR(30)   NOT NULL,
    micro           BOOLEAN       NOT NULL,
    seconds         BIGINT        NOT NULL,
    stops           INT           NOT NULL,
    PRIMARY KEY (site, business_day, work_unit, reason, micro)
);

CREATE TABLE performance_count_day (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    business_day    DATE          NOT NULL,
    good            NUMERIC(19, 6) NOT NULL,
    scrap           NUMERIC(19, 6) NOT NULL,
    rework          NUMERIC(19, 6) NOT NULL,
    ideal_seconds   NUMERIC(19, 6) NOT NULL,
    PRIMARY KEY (site, business_day, work_unit)
);

INSERT INTO performance_stop_day (site, work_unit, business_day, reason, micro, seconds, stops)
SELECT site, work_unit, business_day, reason, micro, SUM(seconds), SUM(stops)
  FROM performance_stop_bucket
 GROUP BY site, work_unit, business_day, reason, micro;

INSERT INTO performance_count_day (site, work_unit, business_day, good, scrap, rework, ideal_seconds)
SELECT site, work_unit, business_day, SUM(good), SUM(scrap), SUM(rework), SUM(ideal_seconds)
  FROM performance_count_bucket
 GROUP BY site, work_unit, business_day;

-- Views over a whole site read buckets by time, not unit by unit.
CREATE INDEX performance_stop_bucket_time ON performance_stop_bucket (site, bucket_start);
CREATE INDEX performance_count_bucket_time ON performance_count_bucket (site, bucket_start);
CREATE INDEX performance_scrap_bucket_time ON performance_scrap_bucket (site, bucket_start);

-- The plant view also shows what the machine itself reports (machines' MachineStateChanged): idle,
-- in setup or offline while an operation is booked as running.
ALTER TABLE performance_unit_state ADD COLUMN machine_state VARCHAR(10);
ALTER TABLE performance_unit_state ADD COLUMN machine_since TIMESTAMP WITH TIME ZONE;
