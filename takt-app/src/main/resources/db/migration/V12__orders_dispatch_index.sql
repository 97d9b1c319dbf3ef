-- The dispatch list walks workable orders in dispatch order (due date, priority, order number)
-- and stops after the first n hits at a work center; this index gives it that order without a
-- sort over every released order of the site.
CREATE INDEX orders_production_order_dispatch
    ON orders_production_order (site_code, due_date, priority DESC, order_number);
