-- The OEE benchmark's data (run by bench/oee/run.sh with psql -v site=… -v units=… -v first_day=…
-- -v days=…), deterministic, into a database the server migrated and the bench seeded through the
-- API (site, work units U001…, shift calendar, reason catalogue):
--
-- 1. Raw machine events, as a historian would hold them: oee_raw_state (a state change about every
--    2 minutes per work unit: RUN, DOWN with a reason or none, IDLE when the week's last shift
--    ends) and oee_raw_count (a count every 30 s while the machine runs: good and scrap). Machines
--    run Monday 06:00 to Saturday 06:00 local, the three shifts of the calendar.
-- 2. What Takt's performance module keeps of the same events (BucketStore's rules, in SQL): the
--    15-minute count, scrap and stop buckets (stop time inside planned production time only, a
--    stop under 5 minutes marked micro, each stop counted once in its first planned bucket) and
--    the day rows summed from them.
--
-- The calendar rules here (3 shifts Mon-Fri, 06/14/22 h, one 30-minute break each, Europe/Berlin)
-- and the reason codes are the ones OeeBenchmark seed sends to the API.
\set ON_ERROR_STOP 1
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
\timing on

DROP TABLE IF EXISTS oee_unit, oee_reason_class, oee_shift, oee_window, oee_bucket_cal,
  oee_raw_state, oee_raw_count, oee_stop;

CREATE TABLE oee_unit (
  unit smallint PRIMARY KEY,
  code varchar(20) NOT NULL,
  order_number varchar(40) NOT NULL,
  ideal_seconds numeric(10, 3) NOT NULL
);
INSERT INTO oee_unit
SELECT u, 'U' || lpad(u::text, 3, '0'), 'PO-U' || lpad(u::text, 3, '0'), 12 + u % 5
  FROM generate_series(1, :units) u;

CREATE TABLE oee_reason_class (reason varchar(30) PRIMARY KEY, planned boolean NOT NULL,
  category varchar(30) NOT NULL);
INSERT INTO oee_reason_class VALUES
  ('JAM', false, 'SMALL_STOP'), ('SLOW', false, 'REDUCED_SPEED'), ('MAT', false, 'OTHER'),
  ('FAIL-E', false, 'EQUIPMENT_FAILURE'), ('FAIL-H', false, 'EQUIPMENT_FAILURE'),
  ('SETUP', false, 'SETUP_AND_ADJUSTMENT'), ('CLEAN', true, 'PLANNED_STOP'),
  ('PM', true, 'PLANNED_STOP');

-- The shift calendar, from the day before the data for at least 400 days (views may reach past
-- the data; planned time does not stop where the data does).
CREATE TABLE oee_shift AS
SELECT d::date AS business_day,
       (d::date + s.a) AT TIME ZONE 'Europe/Berlin' AS shift_start,
       (d::date + s.b) AT TIME ZONE 'Europe/Berlin' AS shift_end,
       (d::date + s.ba) AT TIME ZONE 'Europe/Berlin' AS break_start,
       (d::date + s.bb) AT TIME ZONE 'Europe/Berlin' AS break_end
  FROM generate_series(:'first_day'::date - 1, :'first_day'::date + greatest(:days, 400),
                       interval '1 day') d,
       (VALUES (interval '6 h', interval '14 h', interval '10 h', interval '10 h 30 min'),
               (interval '14 h', interval '22 h', interval '18 h', interval '18 h 30 min'),
               (interval '22 h', interval '30 h', interval '26 h', interval '26 h 30 min'))
         AS s(a, b, ba, bb)
 WHERE extract(isodow FROM d) <= 5;

-- Planned production time: each shift without its break.
CREATE TABLE oee_window AS
SELECT business_day, shift_start, shift_start AS ws, break_start AS we FROM oee_shift
UNION ALL
SELECT business_day, shift_start, break_end, shift_end FROM oee_shift;
CREATE INDEX ON oee_window (ws);

-- Every 15-minute bucket with its business day and shift (shifts and breaks are on the quarter
-- hour, so a bucket is planned or not as a whole).
CREATE TABLE oee_bucket_cal AS
SELECT b AS bucket_start,
       coalesce(s.business_day, (b AT TIME ZONE 'Europe/Berlin')::date) AS business_day,
       s.shift_start,
       s.shift_start IS NOT NULL AND NOT (b >= s.break_start AND b < s.break_end) AS planned
  FROM generate_series(((:'first_day'::date - 1)::timestamp AT TIME ZONE 'Europe/Berlin'),
                       ((:'first_day'::date + greatest(:days, 400) + 1)::timestamp
                         AT TIME ZONE 'Europe/Berlin'),
                       interval '15 min') b
  LEFT JOIN oee_shift s ON b >= s.shift_start AND b < s.shift_end;
ALTER TABLE oee_bucket_cal ADD PRIMARY KEY (bucket_start);

-- The slots: each weekday window 06:00-06:00 local is cut into 4-minute slots. A normal slot runs
-- 120-229 s, then stops until the slot ends (a short stop with a reason, or none). One 64-minute
-- block in five starts with a long stop of 3-12 slots instead.
CREATE UNLOGGED TABLE oee_slot AS
SELECT u.unit, w.ws + j * interval '240 s' AS ss, w.last_of_week, j, w.we,
       hashint8(u.unit::bigint * 1000000000 + w.dn * 100000 + j) & 2147483647 AS h,
       hashint8(u.unit::bigint * 1000000000 + w.dn * 100000 + 50000 + j / 16) & 2147483647
         AS hb,
       j % 16 AS pos
  FROM oee_unit u
 CROSS JOIN (SELECT d::date - :'first_day'::date AS dn,
                    (d::date + interval '6 h') AT TIME ZONE 'Europe/Berlin' AS ws,
                    (d::date + interval '30 h') AT TIME ZONE 'Europe/Berlin' AS we,
                    extract(isodow FROM d) = 5
                      OR d::date = :'first_day'::date + :days - 1 AS last_of_week
               FROM generate_series(:'first_day'::date, :'first_day'::date + :days - 1,
                                    interval '1 day') d
              WHERE extract(isodow FROM d) <= 5) w
 CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM w.we - w.ws) / 240)::int - 1) j;

CREATE TABLE oee_raw_state (
  unit smallint NOT NULL,
  at timestamptz NOT NULL,
  state varchar(4) NOT NULL,
  reason varchar(30)
);
INSERT INTO oee_raw_state
SELECT s.unit, e.at, e.state, e.reason
  FROM oee_slot s
 CROSS JOIN LATERAL (VALUES
   (0, s.ss, 'RUN', NULL),
   (1, s.ss + make_interval(secs => 120 + s.h % 110), 'DOWN',
       (ARRAY['JAM', 'JAM', 'JAM', 'JAM', NULL, NULL, 'SLOW', 'MAT', 'FAIL-E', 'CLEAN'])
         [1 + (s.h / 1000) % 10]),
   (2, s.ss, 'DOWN',
       (ARRAY['FAIL-H', 'FAIL-E', 'SETUP', NULL, 'PM', 'MAT'])[1 + (s.hb / 50) % 6])
 ) AS e(kind, at, state, reason)
 WHERE CASE WHEN s.hb % 5 = 0 AND s.pos = 0 THEN e.kind = 2
            WHEN s.hb % 5 = 0 AND s.pos < 3 + (s.hb / 5) % 10 THEN false
            ELSE e.kind < 2 END
UNION ALL
SELECT DISTINCT unit, we, 'IDLE', NULL FROM oee_slot WHERE last_of_week;

CREATE TABLE oee_raw_count (
  unit smallint NOT NULL,
  at timestamptz NOT NULL,
  good smallint NOT NULL,
  scrap smallint NOT NULL
);
INSERT INTO oee_raw_count
SELECT s.unit, s.ss + i * interval '30 s',
       CASE WHEN (s.h::bigint + i * 7919) % 40 = 0 THEN 1 ELSE 2 END,
       CASE WHEN (s.h::bigint + i * 7919) % 40 = 0 THEN 1 ELSE 0 END
  FROM oee_slot s
 CROSS JOIN LATERAL generate_series(0, (120 + s.h % 110 + 29) / 30 - 1) i
 WHERE NOT (s.hb % 5 = 0 AND s.pos < 3 + (s.hb / 5) % 10);

DROP TABLE oee_slot;
CREATE INDEX oee_raw_state_unit_at ON oee_raw_state (unit, at);
CREATE INDEX oee_raw_count_unit_at ON oee_raw_count (unit, at);
CREATE INDEX oee_raw_count_at ON oee_raw_count USING brin (at);

-- ---------------------------------------------------------------- what Takt keeps of it

DELETE FROM performance_stop_day WHERE site = :'site';
DELETE FROM performance_stop_shift WHERE site = :'site';
-- the server sorts the new day rows into loss classes when it next starts (StopClassDays)
DELETE FROM performance_stop_class_day WHERE site = :'site';
DELETE FROM performance_stop_classes WHERE site = :'site';
DELETE FROM performance_count_day WHERE site = :'site';
DELETE FROM performance_stop_bucket WHERE site = :'site';
DELETE FROM performance_count_bucket WHERE site = :'site';
DELETE FROM performance_scrap_bucket WHERE site = :'site';

INSERT INTO performance_count_bucket (site, work_unit, bucket_start, order_number, business_day,
  shift_start, good, scrap, rework, ideal_seconds)
SELECT :'site', u.code, cal.bucket_start, u.order_number, cal.business_day, cal.shift_start,
       SUM(c.good), SUM(c.scrap), 0, SUM(c.good + c.scrap) * u.ideal_seconds
  FROM oee_raw_count c
  JOIN oee_bucket_cal cal ON cal.bucket_start = date_bin('15 min', c.at, timestamptz '2000-01-01Z')
  JOIN oee_unit u ON u.unit = c.unit
 GROUP BY u.code, u.order_number, u.ideal_seconds, cal.bucket_start, cal.business_day,
          cal.shift_start
 -- in time order, as the server's writer appends them (a day's rows of all units lie together)
 ORDER BY cal.bucket_start;

INSERT INTO performance_scrap_bucket (site, work_unit, bucket_start, kind, reason, business_day,
  shift_start, quantity)
SELECT site, work_unit, bucket_start, 'SCRAP', 'SCR-DIM', business_day, shift_start, scrap
  FROM performance_count_bucket WHERE site = :'site' AND scrap > 0;

CREATE UNLOGGED TABLE oee_stop AS
SELECT unit, at AS opened, next_at AS closed, coalesce(reason, '') AS reason,
       next_at - at < interval '5 min' AS micro
  FROM (SELECT unit, at, state, reason, lead(at) OVER (PARTITION BY unit ORDER BY at) AS next_at
          FROM oee_raw_state) e
 WHERE state = 'DOWN' AND next_at IS NOT NULL;

INSERT INTO performance_stop_bucket (site, work_unit, bucket_start, reason, micro, business_day,
  shift_start, seconds, stops)
SELECT :'site', u.code, p.b, p.reason, p.micro, cal.business_day, cal.shift_start,
       SUM(p.secs), SUM(p.first)
  FROM (SELECT s.unit, s.reason, s.micro, b.b,
               extract(epoch FROM least(s.closed, b.b + interval '15 min')
                                  - greatest(s.opened, b.b))::bigint AS secs,
               CASE WHEN b.b = min(b.b) OVER (PARTITION BY s.unit, s.opened) THEN 1 ELSE 0 END
                 AS first
          FROM oee_stop s
         CROSS JOIN LATERAL generate_series(date_bin('15 min', s.opened, timestamptz '2000-01-01Z'),
                                            s.closed - interval '1 microsecond',
                                            interval '15 min') b(b)
          JOIN oee_bucket_cal planned ON planned.bucket_start = b.b AND planned.planned) p
  JOIN oee_bucket_cal cal ON cal.bucket_start = p.b
  JOIN oee_unit u ON u.unit = p.unit
 GROUP BY u.code, p.b, p.reason, p.micro, cal.business_day, cal.shift_start
 ORDER BY p.b;
DROP TABLE oee_stop;

INSERT INTO performance_stop_day (site, work_unit, business_day, reason, micro, seconds, stops)
SELECT site, work_unit, business_day, reason, micro, SUM(seconds), SUM(stops)
  FROM performance_stop_bucket WHERE site = :'site'
 GROUP BY site, work_unit, business_day, reason, micro;

INSERT INTO performance_stop_shift (site, work_unit, shift_start, reason, micro, seconds, stops)
SELECT site, work_unit, shift_start, reason, micro, SUM(seconds), SUM(stops)
  FROM performance_stop_bucket WHERE site = :'site' AND shift_start IS NOT NULL
 GROUP BY site, work_unit, shift_start, reason, micro
 ORDER BY shift_start, work_unit;

INSERT INTO performance_count_day (site, work_unit, business_day, good, scrap, rework,
  ideal_seconds)
SELECT site, work_unit, business_day, SUM(good), SUM(scrap), SUM(rework), SUM(ideal_seconds)
  FROM performance_count_bucket WHERE site = :'site'
 GROUP BY site, work_unit, business_day;

ANALYZE;
SELECT 'raw_state', count(*) FROM oee_raw_state
UNION ALL SELECT 'raw_count', count(*) FROM oee_raw_count
UNION ALL SELECT 'stop_bucket', count(*) FROM performance_stop_bucket
UNION ALL SELECT 'count_bucket', count(*) FROM performance_count_bucket
UNION ALL SELECT 'stop_day', count(*) FROM performance_stop_day
UNION ALL SELECT 'count_day', count(*) FROM performance_count_day;
