-- GET /api/v1/production-orders/{n}: the order in a read-only transaction (as the server runs it).
-- No token authentication (the server keeps a checked token for 5 s; see booking.sql).
\set t random(1, 200)
\set n random(1, :orders)
SELECT token_hash AS th, user_id AS uid FROM bench_terminal WHERE t = :t \gset
BEGIN READ ONLY;
SELECT p.*,
  (SELECT COUNT(*) FROM orders_operation r WHERE r.order_id = p.id
     AND (r.good_quantity <> 0 OR r.scrap_quantity <> 0 OR r.rework_quantity <> 0)) AS reported_operations,
  (SELECT g.good_quantity FROM orders_operation g WHERE g.order_id = p.id
     AND g.sequence_number = (SELECT MAX(l.sequence_number) FROM orders_operation l WHERE l.order_id = p.id)) AS last_good
FROM orders_production_order p WHERE p.order_number = 'BO-' || lpad(:n::text, 6, '0');
COMMIT;
