-- Search over the catalog (full-text search and pg_trgm), suggestions, and book ratings. Safe to run again.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Text as search cuts it: runs of letters and digits (the in-memory index's SearchText.Tokenize). PostgreSQL's parser
-- alone would read "BOOK-001" as 'book' and the number '-001', and "3.14" as one word.
CREATE OR REPLACE FUNCTION catalog.search_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(coalesce(value, ''), '[^[:alnum:]]+', ' ', 'g')
$$;

-- Each product's words, weighted: A title, author, ISBN (compact) and SKU; B tags; C description. The 'simple'
-- configuration lower-cases and keeps every word (no stemming, no stop words), as the in-memory index does; typos and
-- longer forms of a word are found through the vocabulary below instead.
CREATE OR REPLACE FUNCTION catalog.product_search_vector(title text, author text, isbn text, sku text, tags text[], description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', catalog.search_text(title)), 'A')
        || setweight(to_tsvector('simple', catalog.search_text(author)), 'A')
        || setweight(to_tsvector('simple', catalog.search_text(replace(replace(isbn, '-', ''), ' ', ''))), 'A')
        || setweight(to_tsvector('simple', catalog.search_text(sku)), 'A')
        || setweight(to_tsvector('simple', catalog.search_text(array_to_string(tags, ' '))), 'B')
        || setweight(to_tsvector('simple', catalog.search_text(description)), 'C')
$$;

ALTER TABLE catalog.products ADD COLUMN IF NOT EXISTS search_vector tsvector;
CREATE INDEX IF NOT EXISTS products_search_vector_idx ON catalog.products USING gin (search_vector);

-- The vocabulary: every word of three or more letters and in how many products it is. Typos are looked up by trigram
-- similarity (the GIN index answers the % operator), longer words by prefix (the primary key's order).
CREATE TABLE IF NOT EXISTS catalog.search_words (
    word      text COLLATE "C" PRIMARY KEY,
    documents integer NOT NULL
);
CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON catalog.search_words USING gin (word gin_trgm_ops);

-- Suggestion keys: a title or author from each of its words on, lower-cased, words joined by one space.
CREATE OR REPLACE FUNCTION catalog.suggestion_keys(value text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT DISTINCT array_to_string(w.words[i:], ' ')
    FROM (SELECT array_remove(regexp_split_to_array(lower(value), '[^[:alnum:]]+'), '') AS words) w,
         generate_subscripts(w.words, 1) AS i
$$;

CREATE TABLE IF NOT EXISTS catalog.search_title_keys (
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    key        text COLLATE "C" NOT NULL,
    title      text COLLATE "C" NOT NULL,
    sku        text COLLATE "C" NOT NULL,
    PRIMARY KEY (product_id, key)
);
CREATE INDEX IF NOT EXISTS search_title_keys_key_idx ON catalog.search_title_keys (key, title, sku);

CREATE TABLE IF NOT EXISTS catalog.search_author_keys (
    key    text COLLATE "C" NOT NULL,
    author text COLLATE "C" NOT NULL,
    books  integer NOT NULL,
    PRIMARY KEY (key, author)
);

CREATE OR REPLACE FUNCTION catalog.products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := catalog.product_search_vector(NEW.title, NEW.author, NEW.isbn, NEW.sku, NEW.tags, NEW.description);
    RETURN NEW;
END
$$;

-- Keeps the vocabulary and the suggestion keys current with each product write, in the write's own transaction.
-- Rows are touched in word order, so concurrent writers wait for each other rather than deadlock.
CREATE OR REPLACE FUNCTION catalog.products_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT DISTINCT FROM NEW.search_vector
       AND OLD.title = NEW.title AND OLD.sku = NEW.sku AND OLD.author IS NOT DISTINCT FROM NEW.author THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.search_vector IS NOT NULL THEN
        UPDATE catalog.search_words s SET documents = s.documents - 1
        FROM (SELECT w FROM unnest(tsvector_to_array(OLD.search_vector)) w WHERE w ~ '^[[:alpha:]]{3,}$' ORDER BY w) gone
        WHERE s.word = gone.w;
        DELETE FROM catalog.search_words WHERE word = ANY (tsvector_to_array(OLD.search_vector)) AND documents <= 0;
        DELETE FROM catalog.search_title_keys WHERE product_id = OLD.id;
        UPDATE catalog.search_author_keys a SET books = a.books - 1
        FROM (SELECT k FROM catalog.suggestion_keys(OLD.author) k ORDER BY k) gone
        WHERE a.key = gone.k AND a.author = OLD.author;
        DELETE FROM catalog.search_author_keys WHERE author = OLD.author AND books <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO catalog.search_words (word, documents)
        SELECT w, 1 FROM unnest(tsvector_to_array(NEW.search_vector)) w WHERE w ~ '^[[:alpha:]]{3,}$' ORDER BY w
        ON CONFLICT (word) DO UPDATE SET documents = catalog.search_words.documents + 1;
        INSERT INTO catalog.search_title_keys (product_id, key, title, sku)
        SELECT NEW.id, k, NEW.title, NEW.sku FROM catalog.suggestion_keys(NEW.title) k;
        INSERT INTO catalog.search_author_keys (key, author, books)
        SELECT k, NEW.author, 1 FROM catalog.suggestion_keys(NEW.author) k WHERE NEW.author IS NOT NULL ORDER BY k
        ON CONFLICT (key, author) DO UPDATE SET books = catalog.search_author_keys.books + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER products_search_vector BEFORE INSERT OR UPDATE ON catalog.products
    FOR EACH ROW EXECUTE FUNCTION catalog.products_search_vector();
CREATE OR REPLACE TRIGGER products_search_terms AFTER INSERT OR UPDATE OR DELETE ON catalog.products
    FOR EACH ROW EXECUTE FUNCTION catalog.products_search_terms();

-- Products written before this migration (the seed, an original database's rows) get their vector and terms now.
UPDATE catalog.products SET search_vector = NULL WHERE search_vector IS NULL;

-- Ratings per book: written by the reviews feature, read by search and the listing's sort by rating.
CREATE TABLE IF NOT EXISTS catalog.book_ratings (
    sku          text PRIMARY KEY,
    rating_count integer NOT NULL,
    rating_sum   integer NOT NULL,
    stars        integer[5] NOT NULL,
    updated_at   timestamptz NOT NULL
);
