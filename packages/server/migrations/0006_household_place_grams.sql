-- The 1- and 2-character pieces of a text (spaces dropped), as the web's partial-name search expects
-- (personal-fields.ts nameGrams does the same in JS for residents' names).
CREATE FUNCTION fq_text_grams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
      FROM (SELECT substr(t, i, n) AS g
              FROM (SELECT regexp_replace(s, '\s+', '', 'g') AS t) AS clean,
                   generate_series(1, char_length(t)) AS i,
                   (VALUES (1), (2)) AS size(n)
             WHERE i + n - 1 <= char_length(t)) AS grams
  $$;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "place_grams" text[] GENERATED ALWAYS AS (fq_text_grams(community || street)) STORED;--> statement-breakpoint
CREATE INDEX "households_place_grams_idx" ON "households" USING gin ("place_grams");--> statement-breakpoint
CREATE INDEX "households_address_lookup_idx" ON "households" USING btree ("address_index");