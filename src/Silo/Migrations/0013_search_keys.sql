-- Keys the search compares for every match, stored with the row and computed once per write instead of once per match
-- per search. Under the database's C.UTF-8 locale lower() converts text to wide characters and back.
-- - title_key: the page's order by title (after relevance, price or date), lower(title) COLLATE "C": computed for every
--   match it cost about 6 ms of the statement at 11,000 matches on the 2-core dev box.
-- - tags_key: the tags in lower case, for the tag filter (any case) as an array containment instead of unnesting each
--   match's tags: 2 ms instead of 14 at 11,000 matches.
-- Safe to run again.
CREATE OR REPLACE FUNCTION catalog.lower_tags(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT lower(t) FROM unnest(tags) AS t) $$;

ALTER TABLE catalog.products
    ADD COLUMN IF NOT EXISTS title_key text COLLATE "C" GENERATED ALWAYS AS (lower(title)) STORED,
    ADD COLUMN IF NOT EXISTS tags_key text[] GENERATED ALWAYS AS (catalog.lower_tags(tags)) STORED;
