-- Genealogy benchmark data, written straight into the traceability tables (V13) of a migrated
-- Takt database. Deterministic: ids and picks come from hashes of the lot's number, not random().
--
--   psql -v lots=1000000 -v raw=240000 -v levels=20 -v hubs=5 -v hub_fanout=12 -f generate.sql
--
-- Shape: `raw` purchased lots (level 0, with supplier and supplier lot) and (lots - raw) produced
-- lots spread evenly over `levels` levels. Every produced lot at level L has
--   1. one parent at level L-1 near its own relative position (so chains reach depth `levels`),
--   2. two raw parents near its position (components bought from suppliers),
--   3. in 95 % of lots one more parent from a hashed lower level near its position (merges across
--      levels);
-- parents, having several children, make the splits. About 3.95 links per produced lot: 3.0 M for
-- the default sizes. `hubs` raw lots (a common raw material, e.g. one resin lot) additionally go
-- into `hub_fanout` produced lots of levels 1-3 spread over all positions, which gives each hub
-- 10,000+ descendants.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE OR REPLACE FUNCTION pg_temp.h(t text) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT ('x' || substr(md5(t), 1, 15))::bit(60)::bigint $$;
CREATE OR REPLACE FUNCTION pg_temp.uid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT md5(t)::uuid $$;

DROP TABLE IF EXISTS bench_gen_lot;
CREATE UNLOGGED TABLE bench_gen_lot AS
SELECT n,
       CASE WHEN n < :raw THEN 0 ELSE 1 + (n - :raw) / ((:lots - :raw) / :levels) END AS level,
       CASE WHEN n < :raw THEN n ELSE (n - :raw) % ((:lots - :raw) / :levels) END AS idx
  FROM generate_series(0, :lots - 1) AS n;
-- the last level takes the rest of an uneven division
UPDATE bench_gen_lot SET level = :levels WHERE level > :levels;
CREATE INDEX ON bench_gen_lot (level, idx);
ANALYZE bench_gen_lot;

CREATE TEMP TABLE gen_size AS SELECT level, count(*) AS size FROM bench_gen_lot GROUP BY level;

INSERT INTO traceability_lot (id, site_code, material, lot_number, serial, origin, quantity, unit,
  remaining, supplier, supplier_lot, expiry, order_number, status, version, created_at, created_by)
SELECT pg_temp.uid('lot' || n), 'GEN',
       CASE WHEN level = 0 THEN 'RAW-' || (n % 50) ELSE 'MAT-' || level || '-' || (n % 5) END,
       CASE WHEN n < :hubs THEN 'HUB-' ELSE 'L' END || lpad(n::text, 7, '0'),
       false,
       CASE WHEN level = 0 THEN 'RECEIVED' ELSE 'PRODUCED' END,
       1000, 'kg', CASE WHEN n % 7 = 0 THEN 0 ELSE 250 END,
       CASE WHEN level = 0 THEN 'Supplier ' || (n % 40) END,
       CASE WHEN level = 0 THEN 'S' || n END,
       DATE '2028-01-01' + (n % 365)::int,
       CASE WHEN level > 0 THEN 'GO-' || n END,
       CASE WHEN n % 7 = 0 THEN 'CONSUMED' ELSE 'RELEASED' END,
       1,
       TIMESTAMPTZ '2026-01-01' + level * INTERVAL '5 days' + (n % 86400) * INTERVAL '1 second',
       'bench'
  FROM bench_gen_lot;

-- parent picks: (child n, pick k, parent level, parent idx before clamping)
CREATE TEMP TABLE gen_pick AS
SELECT c.n, 1 AS k, c.level - 1 AS plevel,
       (c.idx::bigint * ps.size / cs.size) + (pg_temp.h(c.n || 'a') % 5) - 2 AS pidx
  FROM bench_gen_lot c JOIN gen_size cs ON cs.level = c.level
  JOIN gen_size ps ON ps.level = c.level - 1
 WHERE c.level > 0
UNION ALL
SELECT c.n, 2, 0, (c.idx::bigint * :raw / cs.size) + (pg_temp.h(c.n || 'b') % 9) - 4
  FROM bench_gen_lot c JOIN gen_size cs ON cs.level = c.level WHERE c.level > 0
UNION ALL
SELECT c.n, 3, 0, (c.idx::bigint * :raw / cs.size) + (pg_temp.h(c.n || 'c') % 101) - 50
  FROM bench_gen_lot c JOIN gen_size cs ON cs.level = c.level WHERE c.level > 0
UNION ALL
SELECT c.n, 4, (pg_temp.h(c.n || 'd') % c.level)::int, 0
  FROM bench_gen_lot c WHERE c.level > 0 AND pg_temp.h(c.n || 'e') % 100 < 95;
-- pick 4's position within its (hashed) level
UPDATE gen_pick p SET pidx = (c.idx::bigint * ps.size / cs.size) + (pg_temp.h(p.n || 'f') % 7) - 3
  FROM bench_gen_lot c, gen_size cs, gen_size ps
 WHERE p.k = 4 AND c.n = p.n AND cs.level = c.level AND ps.level = p.plevel;

INSERT INTO traceability_link (id, parent_id, child_id, kind, quantity, unit, order_number,
  operation_id, operation_seq, work_unit, operator, linked_at)
SELECT DISTINCT ON (parent.n, p.n)
       pg_temp.uid('link' || p.n || '-' || p.k), pg_temp.uid('lot' || parent.n),
       pg_temp.uid('lot' || p.n), 'CONSUMPTION', 10, 'kg', 'GO-' || p.n,
       pg_temp.uid('op' || p.n), 10, 'WU-' || (p.n % 200), 'operator-' || (p.n % 300),
       TIMESTAMPTZ '2026-01-01' + (p.n % 86400) * INTERVAL '1 second'
  FROM gen_pick p
  JOIN gen_size ps ON ps.level = p.plevel
  JOIN bench_gen_lot parent
    ON parent.level = p.plevel AND parent.idx = greatest(0, least(ps.size - 1, p.pidx))
 ORDER BY parent.n, p.n, p.k;

-- hubs: raw lots 0 .. hubs-1 go into hub_fanout produced lots of levels 1-3 each
INSERT INTO traceability_link (id, parent_id, child_id, kind, quantity, unit, order_number,
  operation_id, operation_seq, work_unit, operator, linked_at)
SELECT pg_temp.uid('hub' || h || '-' || f), pg_temp.uid('lot' || h), pg_temp.uid('lot' || c.n),
       'CONSUMPTION', 1, 'kg', 'GO-' || c.n, pg_temp.uid('op' || c.n), 10, 'WU-1', 'operator-1',
       TIMESTAMPTZ '2026-01-01'
  FROM generate_series(0, :hubs - 1) AS h, generate_series(1, :hub_fanout) AS f
  JOIN LATERAL (
    SELECT n FROM bench_gen_lot
     WHERE level = 1 + (pg_temp.h(h || 'hl' || f) % 3)::int
       AND idx = pg_temp.h(h || 'hi' || f) % (SELECT size FROM gen_size WHERE level = 1)) c ON true
ON CONFLICT DO NOTHING;

ANALYZE traceability_lot;
ANALYZE traceability_link;
SELECT (SELECT count(*) FROM traceability_lot) AS lots, (SELECT count(*) FROM traceability_link) AS links;
