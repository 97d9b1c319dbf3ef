-- Performance (OEE): the day rows of one work unit over a range (see the PostgreSQL version, whose
-- indexes also carry the figures; H2 has no INCLUDE).

CREATE INDEX performance_count_day_unit ON performance_count_day (site, work_unit, business_day);

CREATE INDEX performance_stop_class_day_unit
    ON performance_stop_class_day (site, work_unit, business_day);
