-- GET /api/v1/dispatch-list?site=BENCH&workUnit=U: token authentication, the work unit, every
-- workable operation of its work center, then the execution state of each. The server reads the
-- execution state one operation at a time (one SELECT per list item, plus the unit runs of each
-- started one); pgbench cannot loop, so here the same rows are read in one set-based join. This
-- script is therefore cheaper than what the server does: see docs/BENCHMARKS.md.
\set t random(1, 200)
SELECT token_hash AS th, user_id AS uid, work_unit AS wu FROM bench_terminal WHERE t = :t \gset
SELECT id, user_id, last_used_at FROM identity_api_token
 WHERE token_hash = :th AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now());
SELECT * FROM identity_user WHERE id = :uid;
SELECT role FROM identity_user_role WHERE user_id = :uid;
SELECT site_code FROM identity_user_site WHERE user_id = :uid ORDER BY site_code;
BEGIN READ ONLY;
SELECT e.id, e.kind, e.site_code, e.parent_id, e.code, e.name, e.active, e.version,
  p.code AS parent_code, p.active AS parent_active, g.code AS grandparent_code
FROM equipment_element e
  LEFT JOIN equipment_element p ON p.id = e.parent_id
  LEFT JOIN equipment_element g ON g.id = p.parent_id
WHERE e.kind = 'WORK_UNIT' AND e.site_code = 'BENCH' AND e.code = :wu;
SELECT o.*, p.order_number, p.material_number, p.site_code, p.status AS order_status,
  p.due_date, p.priority, p.unit,
  (SELECT MAX(q.sequence_number) FROM orders_operation q
     WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number) AS previous_sequence,
  x.*, (SELECT count(*) FROM execution_unit_run r WHERE r.operation_id = x.operation_id) AS runs
FROM orders_operation o JOIN orders_production_order p ON p.id = o.order_id
  LEFT JOIN execution_operation x ON x.operation_id = o.id
WHERE p.site_code = 'BENCH' AND o.work_center = left(:wu, 4)
  AND p.status IN ('RELEASED', 'IN_PROGRESS') AND o.status <> 'COMPLETED'
ORDER BY p.due_date, p.priority DESC, p.order_number, o.sequence_number;
COMMIT;
