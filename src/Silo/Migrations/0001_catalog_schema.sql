-- The original catalog-service's schema (catalog.products, catalog.product_inventory), created only when
-- missing, plus the columns and indexes this shop adds. Safe over a database the original already made.
CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE IF NOT EXISTS catalog.products (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sku         text NOT NULL UNIQUE,
    title       text NOT NULL,
    description text,
    price       numeric(10,2) NOT NULL,
    image_url   text,
    tags        text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE catalog.products ALTER COLUMN id SET DEFAULT gen_random_uuid();
ALTER TABLE catalog.products ADD COLUMN IF NOT EXISTS author text;
ALTER TABLE catalog.products ADD COLUMN IF NOT EXISTS isbn text;
ALTER TABLE catalog.products ADD COLUMN IF NOT EXISTS published_year integer;

-- Lookups by SKU are case-insensitive, so SKUs must be unique case-insensitively too.
CREATE UNIQUE INDEX IF NOT EXISTS products_sku_lower_key ON catalog.products (lower(sku));
CREATE INDEX IF NOT EXISTS products_title_lower_idx ON catalog.products (lower(title) COLLATE "C");

CREATE TABLE IF NOT EXISTS catalog.product_inventory (
    product_id uuid PRIMARY KEY REFERENCES catalog.products (id) ON DELETE CASCADE,
    available  integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
