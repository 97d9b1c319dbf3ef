-- Performance (OEE): the stop buckets rolled up per work unit and shift, for views by shift (a
-- week's shift drill-down of a site summed ~240,000 per-reason stop buckets; its shift rows are
-- ~22,000). Kept like the day rows (V16): whenever a downtime rebuilds a work unit's stop buckets,
-- the rows of every shift they touch are summed again from them, in the same transaction. Counts
-- have no shift rows: they would cost every booking another write, and a week of count buckets is
-- already one row per unit and 15 minutes. Keyed by the shift a bucket was filed under, as the
-- buckets are. See docs/oee.md.

CREATE TABLE performance_stop_shift (
    site            VARCHAR(20)   NOT NULL,
    work_unit       VARCHAR(20)   NOT NULL,
    shift_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(30)   NOT NULL,
    micro           BOOLEAN       NOT NULL,
    seconds         BIGINT        NOT NULL,
    stops           INT           NOT NULL,
    PRIMARY KEY (site, shift_start, work_unit, reason, micro)
);

-- in time order, as the rows of new shifts will be: a week's rows then lie on few pages
INSERT INTO performance_stop_shift (site, work_unit, shift_start, reason, micro, seconds, stops)
SELECT site, work_unit, shift_start, reason, micro, SUM(seconds), SUM(stops)
  FROM performance_stop_bucket
 WHERE shift_start IS NOT NULL
 GROUP BY site, work_unit, shift_start, reason, micro
 ORDER BY site, shift_start, work_unit;
