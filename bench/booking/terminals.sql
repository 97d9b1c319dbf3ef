-- Bench scaffolding for pgbench (not a domain table): terminal t = one work unit with its
-- operator's token hash and the operation started there by the HTTP seeding.
DROP TABLE IF EXISTS bench_terminal;
CREATE TABLE bench_terminal AS
SELECT row_number() OVER (ORDER BY r.work_unit)::int AS t, u.username, u.id AS user_id,
       k.token_hash, r.operation_id, r.work_unit, p.order_number
  FROM execution_unit_run r
  JOIN identity_api_token k ON k.name = 'terminal ' || r.work_unit
  JOIN identity_user u ON u.id = k.user_id
  JOIN orders_operation o ON o.id = r.operation_id
  JOIN orders_production_order p ON p.id = o.order_id
 WHERE p.site_code = 'BENCH';
ALTER TABLE bench_terminal ADD PRIMARY KEY (t);
ANALYZE bench_terminal;
