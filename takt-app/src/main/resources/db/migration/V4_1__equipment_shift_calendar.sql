-- Shift calendars: a weekly pattern in the site's local time, plus planned non-working periods.
-- Times here are local wall-clock times (TIME, TIMESTAMP without zone) on purpose: they are
-- turned into instants with the site's zone only when expanded, so a DST change moves nothing.
CREATE TABLE equipment_shift_calendar (
    site_code   VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES equipment_site (code),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL
);

CREATE TABLE equipment_shift (
    site_code   VARCHAR(20)   NOT NULL REFERENCES equipment_shift_calendar (site_code),
    code        VARCHAR(20)   NOT NULL,
    seq_no      INT           NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    start_time  TIME          NOT NULL,
    end_time    TIME          NOT NULL,
    weekdays    VARCHAR(70)   NOT NULL,
    PRIMARY KEY (site_code, code)
);

CREATE TABLE equipment_shift_break (
    site_code   VARCHAR(20)   NOT NULL,
    shift_code  VARCHAR(20)   NOT NULL,
    seq_no      INT           NOT NULL,
    start_time  TIME          NOT NULL,
    end_time    TIME          NOT NULL,
    PRIMARY KEY (site_code, shift_code, seq_no),
    FOREIGN KEY (site_code, shift_code) REFERENCES equipment_shift (site_code, code)
);

CREATE TABLE equipment_non_working (
    site_code   VARCHAR(20)   NOT NULL REFERENCES equipment_shift_calendar (site_code),
    seq_no      INT           NOT NULL,
    starts_at   TIMESTAMP     NOT NULL,
    ends_at     TIMESTAMP     NOT NULL,
    reason      VARCHAR(200)  NOT NULL,
    PRIMARY KEY (site_code, seq_no)
);
