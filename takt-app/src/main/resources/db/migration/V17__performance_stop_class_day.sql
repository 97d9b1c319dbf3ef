-- Performance (OEE): stop time per work unit and business day already sorted into the classes OEE
-- counts (planned stop, performance loss, availability loss, of which unclassified, and equipment
-- failures), so that a year view sums one row per unit and day instead of one per reason (~10).
-- Which class a reason falls in is the reason catalogue's word, and the catalogue can change: the
-- rows of a site are valid only while performance_stop_classes holds the fingerprint of the
-- catalogue's classes they were built with. Views fall back to the per-reason day rows when it
-- does not match and ask for a rebuild. See docs/oee.md.

CREATE TABLE performance_stop_class_day (
    site              VARCHAR(20)   NOT NULL,
    work_unit         VARCHAR(20)   NOT NULL,
    business_day      DATE          NOT NULL,
    planned_stop      BIGINT        NOT NULL,
    performance_stop  BIGINT        NOT NULL,
    availability_loss BIGINT        NOT NULL,
    unclassified      BIGINT        NOT NULL,
    failures          BIGINT        NOT NULL,
    failure_seconds   BIGINT        NOT NULL,
    PRIMARY KEY (site, business_day, work_unit)
);

-- One row per site: the fingerprint of the reason classes its class rows were built with. The row
-- is also the lock that orders a site's rebuild against the downtimes rewriting single days.
CREATE TABLE performance_stop_classes (
    site              VARCHAR(20)   NOT NULL PRIMARY KEY,
    fingerprint       VARCHAR(64)   NOT NULL,
    built_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
