-- Ratings and reviews: one review per shopper and book, one helpful vote per shopper and review, each book's
-- summary (the search helper's migration creates the same table; whichever runs first makes it), and the review
-- events waiting for the broker. The reviews grain writes a review, its votes, the summary and its events in one
-- transaction. Safe to run again.
CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE IF NOT EXISTS catalog.reviews (
    id            uuid PRIMARY KEY,
    sku           text NOT NULL,
    user_id       text NOT NULL,
    reviewer      text NOT NULL,
    rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text          text NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    hidden        boolean NOT NULL DEFAULT false,
    helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    CONSTRAINT reviews_sku_user_key UNIQUE (sku, user_id)
);

CREATE INDEX IF NOT EXISTS reviews_created_idx ON catalog.reviews (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS reviews_hidden_created_idx ON catalog.reviews (hidden, created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS catalog.review_helpful_votes (
    review_id  uuid NOT NULL REFERENCES catalog.reviews (id) ON DELETE CASCADE,
    user_id    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT review_helpful_votes_key UNIQUE (review_id, user_id)
);

CREATE TABLE IF NOT EXISTS catalog.book_ratings (
    sku          text PRIMARY KEY,
    rating_count int NOT NULL,
    rating_sum   int NOT NULL,
    stars        int[5] NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS catalog.review_outbox (
    seq        bigserial PRIMARY KEY,
    message_id text NOT NULL UNIQUE,
    sku        text NOT NULL,
    body       jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS review_outbox_sku_idx ON catalog.review_outbox (sku, seq);
