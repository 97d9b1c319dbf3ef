-- One quantity report (good 1) as POST /api/v1/operations/{id}/report runs it, statement for
-- statement (read from the server's statement log, 2026-12-02 17:43, branch booking-lean; the OEE
-- part changed 2026-12-03, the audit record and the confirmation 2026-12-03 afternoon; since
-- 2026-12-03 evening the server keeps work units and materials for 10 s and updates the operation's
-- totals without reading it first; since 2026-12-03 16:15 it locks and reads the order in one
-- statement): the booking
-- transaction with the idempotency key row (inserted first; the server looks a key up only when it
-- is taken), the execution row lock (a quantity report leaves the unit runs alone), the order row
-- lock, the report's rows for the OEE count intake, the audit
-- records waiting to be chained and the confirmations waiting to be numbered, and the stored
-- response; no row that all bookings share. Then, for every fifth booking, the work the server does
-- on its own threads after commits: a drain of the count intake, the audit sealer and the
-- confirmation numbering (see there). The drainer keeps the
-- site calendar (10 s) and the operation's ideal cycle time (fixed at release), so it reads neither
-- per booking. Not here, in pgbench's favour: token authentication (the server keeps a checked
-- token for 5 s, so with 200 terminals at 500 requests/s it reads token and user for about one
-- request in twelve), and the drainer's read of an operation's cycle time the first time it sees
-- the operation. Extra, against pgbench: the bench_terminal look-up.
\set t random(1, 200)
SELECT token_hash AS th, user_id AS uid, username AS uname, operation_id AS op, work_unit AS wu,
       order_number AS ord
  FROM bench_terminal WHERE t = :t \gset
SELECT gen_random_uuid()::text AS ikey \gset
BEGIN;
INSERT INTO web_idempotency_key (idempotency_key, username, method, path, request_hash, created_at)
VALUES (:ikey, :uname, 'POST', '/api/v1/operations/' || :op || '/report',
        encode(sha256(convert_to(:ikey, 'UTF8')), 'hex'), now());
SELECT o.*, p.order_number, p.material_number, p.site_code, p.status AS order_status,
  p.due_date, p.priority, p.unit,
  (SELECT MAX(q.sequence_number) FROM orders_operation q
     WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number) AS previous_sequence
FROM orders_operation o JOIN orders_production_order p ON p.id = o.order_id
 WHERE o.id = :op;
SELECT * FROM execution_operation WHERE operation_id = :op FOR UPDATE;
SELECT work_unit, state, resume_phase, since, pause_reason FROM execution_unit_run
 WHERE operation_id = :op ORDER BY work_unit;
UPDATE execution_operation SET status = 'ACTIVE', good = good + 1, scrap = scrap, rework = rework,
       setup_seconds = setup_seconds, run_seconds = run_seconds, started_at = started_at,
       completed_at = NULL, version = version + 1
 WHERE operation_id = :op;
SELECT p.*,
  (SELECT COUNT(*) FROM orders_operation r WHERE r.order_id = p.id
     AND (r.good_quantity <> 0 OR r.scrap_quantity <> 0 OR r.rework_quantity <> 0)) AS reported_operations,
  (SELECT g.good_quantity FROM orders_operation g WHERE g.order_id = p.id
     AND g.sequence_number = (SELECT MAX(l.sequence_number) FROM orders_operation l WHERE l.order_id = p.id)) AS last_good
FROM orders_production_order p
 WHERE p.id = (SELECT order_id FROM orders_operation WHERE id = :op) FOR UPDATE;
UPDATE orders_operation SET good_quantity = good_quantity + 1, scrap_quantity = scrap_quantity + 0,
  rework_quantity = rework_quantity + 0,
  status = CASE WHEN status = 'PENDING' THEN 'STARTED' ELSE status END,
  started_at = CASE WHEN status = 'PENDING' THEN now() ELSE started_at END
 WHERE id = :op AND good_quantity + 1 >= 0 AND scrap_quantity + 0 >= 0 AND rework_quantity + 0 >= 0;
INSERT INTO performance_count_intake (site, work_unit, order_number, operation_id, reported_at,
  good, scrap, scrap_reason, rework, rework_reason)
VALUES ('BENCH', :wu, :ord, :op::uuid, now(), 1, 0, NULL, 0, NULL);
UPDATE web_idempotency_key SET response_status = 200, content_type = 'application/json',
       location = NULL, body = repeat('{"operationId":"' || :op || '","good":{"value":1}}', 10)
 WHERE username = :uname AND idempotency_key = :ikey;
INSERT INTO compliance_audit_pending (occurred_at, actor, action, entity_type, entity_key,
  old_value, new_value, reason)
VALUES (now(), :uname, 'UPDATE', 'OperationExecution', :ord || '/10',
  repeat('{"operationId":"' || :op || '","good":{"value":0,"unit":"pcs"}}', 9),
  repeat('{"operationId":"' || :op || '","good":{"value":1,"unit":"pcs"}}', 9), NULL);
INSERT INTO execution_confirmation_intake (id, type, site, order_number, operation_id,
  operation_seq, work_unit, unit, good, scrap, rework, scrap_reason, rework_reason, operator,
  started_at, ended_at, setup_seconds, run_seconds, labour_seconds, occurred_at)
VALUES (gen_random_uuid(), 'QUANTITY', 'BENCH', :ord, :op, 10, :wu, 'pcs', 1, 0, 0, NULL,
  NULL, :uname, NULL, NULL, NULL, NULL, NULL, now());
COMMIT;
-- after the commit, on the count drainer's thread: the server's one drainer applies what waits
-- in batches that gather while it works; here every fifth booking drains (up to 500 reports,
-- SKIP LOCKED so that clients draining at once take turns instead of waiting). The server sends
-- one UPDATE per bucket and unit; here the sums go in one set-based UPDATE per table.
\set d random(1, 5)
\if :d = 1
BEGIN;
CREATE TEMP TABLE IF NOT EXISTS drain (id BIGINT, work_unit TEXT, order_number TEXT, good NUMERIC)
  ON COMMIT DELETE ROWS;
INSERT INTO drain SELECT id, work_unit, order_number, good FROM performance_count_intake
 WHERE attempts < 5 ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED;
SELECT work_unit FROM performance_unit_state
 WHERE site = 'BENCH' AND work_unit IN (SELECT work_unit FROM drain) ORDER BY work_unit FOR UPDATE;
-- the server updates the bucket of the current quarter hour; here the newest bucket the HTTP run
-- left for the unit and order (the server inserts a bucket row once per quarter hour and order)
UPDATE performance_count_bucket b
   SET good = b.good + s.good, ideal_seconds = b.ideal_seconds + 30 * s.good
  FROM (SELECT work_unit, order_number, SUM(good) AS good FROM drain
         GROUP BY work_unit, order_number) s
 WHERE b.site = 'BENCH' AND b.work_unit = s.work_unit AND b.order_number = s.order_number
   AND b.bucket_start = (SELECT MAX(x.bucket_start) FROM performance_count_bucket x
                          WHERE x.site = 'BENCH' AND x.work_unit = s.work_unit
                            AND x.order_number = s.order_number);
-- and its business day's row (V16)
UPDATE performance_count_day d
   SET good = d.good + s.good, ideal_seconds = d.ideal_seconds + 30 * s.good
  FROM (SELECT work_unit, SUM(good) AS good FROM drain GROUP BY work_unit) s
 WHERE d.site = 'BENCH' AND d.work_unit = s.work_unit
   AND d.business_day = (SELECT MAX(x.business_day) FROM performance_count_day x
                          WHERE x.site = 'BENCH' AND x.work_unit = s.work_unit);
DELETE FROM performance_count_intake WHERE id IN (SELECT id FROM drain);
COMMIT;
-- the audit sealer: links the waiting audit records into the chain under the head's row lock (the
-- server hashes each record in Java over all its fields and the one before; here one SHA-256 per
-- record over its id and the previous head, computed by the database). A client that finds the
-- head locked leaves the work to the one holding it, as the server has one sealer.
BEGIN;
CREATE TEMP TABLE IF NOT EXISTS head (seq BIGINT, hash TEXT) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS seal (id BIGINT, rn BIGINT) ON COMMIT DELETE ROWS;
INSERT INTO head SELECT last_seq, last_hash FROM compliance_audit_head WHERE id = 1
   FOR UPDATE SKIP LOCKED;
INSERT INTO seal SELECT id, row_number() OVER (ORDER BY id) FROM compliance_audit_pending
 WHERE EXISTS (SELECT 1 FROM head) ORDER BY id LIMIT 500;
INSERT INTO compliance_audit_record (seq, occurred_at, actor, action, entity_type, entity_key,
  old_value, new_value, reason, prev_hash, hash)
SELECT h.seq + s.rn, p.occurred_at, p.actor, p.action, p.entity_type, p.entity_key, p.old_value,
       p.new_value, p.reason, h.hash, encode(sha256(convert_to(h.hash || p.id, 'UTF8')), 'hex')
  FROM seal s JOIN compliance_audit_pending p ON p.id = s.id CROSS JOIN head h;
DELETE FROM compliance_audit_pending WHERE id IN (SELECT id FROM seal);
UPDATE compliance_audit_head SET last_seq = last_seq + (SELECT COUNT(*) FROM seal),
       last_hash = encode(sha256(convert_to(last_hash || (SELECT COUNT(*) FROM seal), 'UTF8')), 'hex')
 WHERE id = 1 AND EXISTS (SELECT 1 FROM head);
COMMIT;
-- the confirmation numbering: moves the waiting confirmations into the ERP's outbox with the next
-- numbers, under the counter's row lock (the server's statements, set-based as there)
BEGIN;
CREATE TEMP TABLE IF NOT EXISTS counter (last BIGINT) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS numbered (intake_id BIGINT) ON COMMIT DELETE ROWS;
INSERT INTO counter SELECT last_sequence FROM execution_confirmation_counter WHERE id = 1
   FOR UPDATE SKIP LOCKED;
INSERT INTO numbered SELECT intake_id FROM execution_confirmation_intake
 WHERE EXISTS (SELECT 1 FROM counter) ORDER BY intake_id LIMIT 500;
INSERT INTO execution_confirmation (sequence, id, type, site, order_number, operation_id,
  operation_seq, work_unit, unit, good, scrap, rework, scrap_reason, rework_reason, operator,
  started_at, ended_at, setup_seconds, run_seconds, labour_seconds, occurred_at, attempts,
  next_attempt_at)
SELECT c.last + ROW_NUMBER() OVER (ORDER BY i.intake_id), i.id, i.type, i.site, i.order_number,
       i.operation_id, i.operation_seq, i.work_unit, i.unit, i.good, i.scrap, i.rework,
       i.scrap_reason, i.rework_reason, i.operator, i.started_at, i.ended_at, i.setup_seconds,
       i.run_seconds, i.labour_seconds, i.occurred_at, 0, i.occurred_at
  FROM execution_confirmation_intake i CROSS JOIN counter c
 WHERE i.intake_id IN (SELECT intake_id FROM numbered);
DELETE FROM execution_confirmation_intake WHERE intake_id IN (SELECT intake_id FROM numbered);
UPDATE execution_confirmation_counter
   SET last_sequence = last_sequence + (SELECT COUNT(*) FROM numbered)
 WHERE id = 1 AND EXISTS (SELECT 1 FROM counter);
COMMIT;
\endif
