-- The OEE benchmark's peer: OEE per work unit and business day (or shift) computed by one plain
-- SQL statement over the raw machine events (oee_raw_state, oee_raw_count) and the shift
-- calendar, with the rules of docs/oee.md: planned production time = shift time without breaks
-- and planned stops; stops under 5 minutes and the SMALL_STOP / REDUCED_SPEED reasons are
-- performance losses; everything else unplanned, unclassified stops included, is availability
-- loss; performance = ideal cycle time x total count / run time; quality = good / total.
-- Variables: site, from, to (timestamptz), grp (day | shift), unit ('' for all), out (CSV file).
\set ON_ERROR_STOP 1
SET work_mem = '256MB';
\timing on
\o :out
COPY (
WITH units AS (
  SELECT unit, code, ideal_seconds FROM oee_unit WHERE :'unit' = '' OR code = :'unit'),
-- planned production time per group: the shift windows (breaks cut out) inside the range
win AS (
  SELECT business_day, shift_start,
         greatest(ws, :'from'::timestamptz) AS ws, least(we, :'to'::timestamptz) AS we
    FROM oee_window WHERE ws < :'to'::timestamptz AND we > :'from'::timestamptz),
grp AS (
  SELECT CASE WHEN :'grp' = 'shift'
              THEN to_char(shift_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
              ELSE business_day::text END AS g,
         SUM(extract(epoch FROM we - ws))::bigint AS planned
    FROM win WHERE we > ws GROUP BY 1),
-- stops: a DOWN state until the next state change; micro if shorter than 5 minutes in all
ev AS (
  SELECT unit, at, state, reason, lead(at) OVER (PARTITION BY unit ORDER BY at) AS next_at
    FROM oee_raw_state
   WHERE unit IN (SELECT unit FROM units)
     AND at >= :'from'::timestamptz - interval '1 day' AND at < :'to'::timestamptz + interval '1 day'),
stop AS (
  SELECT unit, at AS opened, next_at AS closed, coalesce(reason, '') AS reason,
         next_at - at < interval '5 min' AS micro
    FROM ev
   WHERE state = 'DOWN' AND next_at > :'from'::timestamptz AND at < :'to'::timestamptz),
-- the part of each stop inside each planned window of the range (windows are at most 8 h long)
piece AS (
  SELECT s.unit,
         CASE WHEN :'grp' = 'shift'
              THEN to_char(w.shift_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
              ELSE w.business_day::text END AS g,
         s.reason, s.micro,
         extract(epoch FROM least(s.closed, w.we, :'to'::timestamptz)
                            - greatest(s.opened, w.ws, :'from'::timestamptz)) AS secs
    FROM stop s
    JOIN oee_window w ON w.ws < s.closed AND w.we > s.opened
                     AND w.ws > s.opened - interval '8 hours'
   WHERE w.ws < :'to'::timestamptz AND w.we > :'from'::timestamptz),
lost AS (
  SELECT p.unit, p.g,
         coalesce(SUM(secs) FILTER (WHERE rc.planned), 0) AS planned_stop,
         coalesce(SUM(secs) FILTER (WHERE NOT coalesce(rc.planned, false)
             AND (p.micro OR rc.category IN ('SMALL_STOP', 'REDUCED_SPEED'))), 0) AS perf,
         coalesce(SUM(secs) FILTER (WHERE NOT coalesce(rc.planned, false) AND NOT p.micro
             AND coalesce(rc.category, '') NOT IN ('SMALL_STOP', 'REDUCED_SPEED')), 0) AS avail
    FROM piece p LEFT JOIN oee_reason_class rc ON rc.reason = p.reason
   WHERE p.secs > 0
   GROUP BY p.unit, p.g),
-- counts by the shift (or its business day) their quarter hour falls in
cnt AS (
  SELECT c.unit,
         CASE WHEN :'grp' = 'shift'
              THEN to_char(cal.shift_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
              ELSE cal.business_day::text END AS g,
         SUM(c.good) AS good, SUM(c.scrap) AS scrap
    FROM oee_raw_count c
    JOIN oee_bucket_cal cal ON cal.bucket_start = date_bin('15 min', c.at, timestamptz '2000-01-01Z')
   WHERE c.unit IN (SELECT unit FROM units)
     AND c.at >= :'from'::timestamptz AND c.at < :'to'::timestamptz
   GROUP BY 1, 2),
fig AS (
  SELECT grp.g, u.code, grp.planned,
         coalesce(l.planned_stop, 0)::bigint AS planned_stop,
         greatest(0, grp.planned - coalesce(l.planned_stop, 0))::bigint AS ppt,
         coalesce(l.avail, 0)::bigint AS avail, coalesce(l.perf, 0)::bigint AS perf,
         coalesce(c.good, 0) AS good, coalesce(c.scrap, 0) AS scrap,
         coalesce(c.good + c.scrap, 0) AS total,
         coalesce(c.good + c.scrap, 0) * u.ideal_seconds AS ideal
    FROM grp CROSS JOIN units u
    LEFT JOIN lost l ON l.unit = u.unit AND l.g = grp.g
    LEFT JOIN cnt c ON c.unit = u.unit AND c.g = grp.g),
runs AS (SELECT *, greatest(0, ppt - avail) AS run FROM fig)
SELECT g AS "group", 'workUnit:' || :'site' || '/' || code AS scope,
       planned AS "plannedSeconds", planned_stop AS "plannedStopSeconds",
       ppt AS "plannedProductionSeconds", avail AS "availabilityLossSeconds",
       perf AS "performanceStopSeconds", run AS "runSeconds", ideal AS "idealSeconds",
       good, scrap, total,
       CASE WHEN ppt > 0 THEN round(100.0 * run / ppt, 2) END AS availability,
       CASE WHEN run > 0 THEN round(100.0 * ideal / run, 2) END AS performance,
       CASE WHEN total > 0 THEN round(100.0 * good / total, 2) END AS quality,
       CASE WHEN ppt > 0 AND run > 0 AND total > 0
            THEN round(100.0 * ideal * good / (ppt * total), 2) END AS oee
  FROM runs ORDER BY 1, 2
) TO STDOUT WITH (FORMAT csv, HEADER);
