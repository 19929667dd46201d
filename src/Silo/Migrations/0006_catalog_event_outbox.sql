-- Product events waiting for the broker: written in the same transaction as the product they describe, deleted
-- by the silo's outbox publisher once the broker confirmed them. Safe to run again.
CREATE TABLE IF NOT EXISTS catalog.event_outbox (
    seq         bigserial PRIMARY KEY,
    message_id  text NOT NULL UNIQUE,
    body        jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
