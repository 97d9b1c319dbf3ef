-- Users, their roles and sites, and their API tokens. See dev.takt.identity.
CREATE TABLE identity_user (
    id               UUID          NOT NULL PRIMARY KEY,
    username         VARCHAR(60)   NOT NULL,
    display_name     VARCHAR(120)  NOT NULL,
    password_hash    VARCHAR(200),
    badge_number     VARCHAR(40),
    pin_hash         VARCHAR(200),
    active           BOOLEAN       NOT NULL,
    failed_attempts  INT           NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP WITH TIME ZONE,
    last_login_at    TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT identity_user_username_unique UNIQUE (username),
    CONSTRAINT identity_user_badge_unique UNIQUE (badge_number)
);

CREATE TABLE identity_user_role (
    user_id  UUID         NOT NULL REFERENCES identity_user (id),
    role     VARCHAR(20)  NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE identity_user_site (
    user_id    UUID         NOT NULL REFERENCES identity_user (id),
    site_code  VARCHAR(20)  NOT NULL,
    PRIMARY KEY (user_id, site_code)
);

-- Only the SHA-256 of a token is kept: a token is 256 random bits, so a fast hash is safe,
-- and every API call can be checked without a slow password hash.
CREATE TABLE identity_api_token (
    id            UUID          NOT NULL PRIMARY KEY,
    user_id       UUID          NOT NULL REFERENCES identity_user (id),
    name          VARCHAR(60)   NOT NULL,
    token_hash    CHAR(64)      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT identity_api_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX identity_api_token_user ON identity_api_token (user_id);
