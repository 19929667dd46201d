-- Throwaway tables for the checkout benchmark's PostgreSQL baseline (scripts/bench.sh checkout): what one
-- checkout would write if it were plain SQL rows instead of grain states. Recreated empty on every run.
DROP TABLE IF EXISTS bench_payments, bench_order_items, bench_orders;
CREATE TABLE bench_orders (
    id         bigserial PRIMARY KEY,
    user_id    text        NOT NULL,
    status     text        NOT NULL,
    total      numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE bench_order_items (
    order_id bigint  NOT NULL REFERENCES bench_orders (id),
    line     int     NOT NULL,
    sku      text    NOT NULL,
    qty      int     NOT NULL,
    price    numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);
CREATE TABLE bench_payments (
    order_id   bigint PRIMARY KEY REFERENCES bench_orders (id),
    status     text           NOT NULL,
    amount     numeric(12, 2) NOT NULL,
    created_at timestamptz    NOT NULL
);
