-- The order table: one row per order, its state in Orleans' binary format (the order grain's [Id]s keep old rows
-- readable), the shopper and creation time beside it so that a shopper's orders are one indexed query. "version" is
-- the grain's ETag: a write names the version it read and changes nothing when another one is stored.
CREATE SCHEMA IF NOT EXISTS orders;

CREATE TABLE IF NOT EXISTS orders.orders (
    order_id   text PRIMARY KEY,
    user_id    text NOT NULL,
    created_at timestamptz NOT NULL,
    version    bigint NOT NULL,
    state      bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS orders_by_user ON orders.orders (user_id, created_at DESC, order_id DESC);
