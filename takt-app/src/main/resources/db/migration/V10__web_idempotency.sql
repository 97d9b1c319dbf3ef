-- Idempotency keys of writes (dev.takt.web.IdempotencyFilter): the first response to a key is
-- stored in the transaction of the write itself and replayed to every retry with the same key.
CREATE TABLE web_idempotency_key (
    idempotency_key  VARCHAR(100)  NOT NULL,
    username         VARCHAR(100)  NOT NULL,
    method           VARCHAR(10)   NOT NULL,
    path             VARCHAR(1000) NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    response_status  INT,
    content_type     VARCHAR(200),
    location         VARCHAR(1000),
    body             TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT web_idempotency_key_unique UNIQUE (username, idempotency_key)
);
CREATE INDEX web_idempotency_key_created ON web_idempotency_key (created_at);
