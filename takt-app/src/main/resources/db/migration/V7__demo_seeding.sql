-- Remembers that the demo plant was seeded, so it is seeded at most once per database.
CREATE TABLE demo_seeding (
    id         INT          NOT NULL PRIMARY KEY,
    site_code  VARCHAR(20)  NOT NULL,
    seeded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
