-- GET /api/v1/dispatch-list?site=BENCH&workUnit=U: the head of the dispatch list (20, the default
-- limit) filtered and limited in the database (the work unit itself the server keeps for 10 s since
-- 2026-12-03 evening; before, it was read first), then the
-- execution states of those operations. The server reads the states with two set-based SELECTs
-- (execution_operation, execution_unit_run ... WHERE operation_id IN (...)); pgbench cannot pass
-- the list on, so here the same rows are read in one statement with joins. No token authentication
-- (the server keeps a checked token for 5 s; see booking.sql).
\set t random(1, 200)
SELECT token_hash AS th, user_id AS uid, work_unit AS wu FROM bench_terminal WHERE t = :t \gset
BEGIN READ ONLY;
WITH head AS (
  SELECT o.*, p.order_number, p.material_number, p.site_code, p.status AS order_status,
    p.due_date, p.priority, p.unit,
    (SELECT MAX(q.sequence_number) FROM orders_operation q
       WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number) AS previous_sequence
  FROM orders_operation o JOIN orders_production_order p ON p.id = o.order_id
  WHERE p.site_code = 'BENCH' AND o.work_center = left(:wu, 4)
    AND p.status IN ('RELEASED', 'IN_PROGRESS') AND o.status <> 'COMPLETED'
    AND NOT EXISTS (
      SELECT 1 FROM orders_operation b
       WHERE b.order_id = o.order_id AND b.good_quantity <= 0
         AND b.sequence_number = (SELECT MAX(q.sequence_number) FROM orders_operation q
           WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number))
  ORDER BY p.site_code, p.due_date, p.priority DESC, p.order_number, o.sequence_number
  LIMIT 20)
SELECT h.*, x.*, r.work_unit AS run_unit, r.state AS run_state, r.since AS run_since
FROM head h
  LEFT JOIN execution_operation x ON x.operation_id = h.id
  LEFT JOIN execution_unit_run r ON r.operation_id = h.id
ORDER BY h.site_code, h.due_date, h.priority DESC, h.order_number, h.sequence_number;
COMMIT;
