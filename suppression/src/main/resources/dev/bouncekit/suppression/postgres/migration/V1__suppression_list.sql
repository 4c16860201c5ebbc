-- The suppression list of bouncekit: one row per address, suppressed or watched.
CREATE TABLE bouncekit_suppression (
    address       TEXT        PRIMARY KEY,
    reason        TEXT        NOT NULL,
    provider      TEXT,
    status        TEXT,
    first_seen    TIMESTAMPTZ NOT NULL,
    last_seen     TIMESTAMPTZ NOT NULL,
    bounce_count  BIGINT      NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    window_count  BIGINT      NOT NULL,
    suppressed_at TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ
);
