-- One checkout as plain SQL, for pgbench: in one transaction, an order row, two order-item rows and a payment row.
\set user random(1, 10000000)
\set sku1 random(1, 150)
\set sku2 random(1, 150)
BEGIN;
INSERT INTO bench_orders (user_id, status, total, created_at) VALUES ('bench-' || :user, 'confirmed', 42.50, now()) RETURNING id AS order_id \gset
INSERT INTO bench_order_items (order_id, line, sku, qty, price) VALUES (:order_id, 1, 'BOOK-' || lpad(:sku1::text, 3, '0'), 1, 21.25);
INSERT INTO bench_order_items (order_id, line, sku, qty, price) VALUES (:order_id, 2, 'BOOK-' || lpad(:sku2::text, 3, '0'), 1, 21.25);
INSERT INTO bench_payments (order_id, status, amount, created_at) VALUES (:order_id, 'payment.succeeded', 42.50, now());
END;
