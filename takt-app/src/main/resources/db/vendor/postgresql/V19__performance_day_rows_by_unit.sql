-- Performance (OEE): the day rows of one work unit over a range, read from the index alone. The
-- primary keys are (site, business_day, work_unit) for views of a whole site, and a day's rows of
-- all units are written together, so a quarter of one unit lay on ~140 pages of each table: on a
-- cold database, 50 of the 130 ms of such a view (OEE benchmark, 2026-12-03). With these indexes
-- it is a few pages. The count rows' figures change with every booking, which makes those updates
-- write index entries (no HOT update); the stop class rows change only when a downtime does.

CREATE INDEX performance_count_day_unit ON performance_count_day (site, work_unit, business_day)
    INCLUDE (good, scrap, rework, ideal_seconds);

CREATE INDEX performance_stop_class_day_unit
    ON performance_stop_class_day (site, work_unit, business_day)
    INCLUDE (planned_stop, performance_stop, availability_loss, unclassified, failures,
             failure_seconds);
