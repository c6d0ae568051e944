-- Search: pg_trgm (Neon and PGlite both provide it) for typo tolerance, then the
-- weighted tsvector and the words table, kept by triggers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE FUNCTION product_search_vector(pid uuid, title text, description text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce((
      SELECT string_agg(c.title, ' ')
      FROM product_collections pc JOIN collections c ON c.id = pc.collection_id
      WHERE pc.product_id = pid), '')), 'B') ||
    setweight(to_tsvector('english', coalesce((
      SELECT string_agg(v.sku, ' ') FROM product_variants v WHERE v.product_id = pid), '')), 'C') ||
    setweight(to_tsvector('english', coalesce((
      SELECT string_agg(o.value, ' ')
      FROM product_variants v, jsonb_each_text(v.options) o
      WHERE v.product_id = pid), '')), 'C') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'D')
$$;--> statement-breakpoint
CREATE FUNCTION remember_search_words(words text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM regexp_split_to_table(lower(coalesce(words, '')), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  ON CONFLICT DO NOTHING
$$;--> statement-breakpoint
CREATE FUNCTION refresh_product_search(pid uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE products SET search_vector = product_search_vector(id, title, description) WHERE id = pid
$$;--> statement-breakpoint
CREATE FUNCTION products_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := product_search_vector(NEW.id, NEW.title, NEW.description);
  PERFORM remember_search_words(NEW.title);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER products_search BEFORE INSERT OR UPDATE OF title, description ON products
FOR EACH ROW EXECUTE FUNCTION products_search_trigger();--> statement-breakpoint
CREATE FUNCTION product_parts_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM refresh_product_search(OLD.product_id);
    RETURN OLD;
  END IF;
  PERFORM refresh_product_search(NEW.product_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER product_variants_search AFTER INSERT OR DELETE OR UPDATE OF sku, options ON product_variants
FOR EACH ROW EXECUTE FUNCTION product_parts_search_trigger();--> statement-breakpoint
CREATE TRIGGER product_collections_search AFTER INSERT OR DELETE ON product_collections
FOR EACH ROW EXECUTE FUNCTION product_parts_search_trigger();--> statement-breakpoint
CREATE FUNCTION collections_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM remember_search_words(NEW.title);
  IF TG_OP = 'UPDATE' THEN
    PERFORM refresh_product_search(pc.product_id)
    FROM product_collections pc WHERE pc.collection_id = NEW.id;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER collections_search AFTER INSERT OR UPDATE OF title ON collections
FOR EACH ROW EXECUTE FUNCTION collections_search_trigger();--> statement-breakpoint
UPDATE products SET search_vector = product_search_vector(id, title, description);--> statement-breakpoint
SELECT remember_search_words(title) FROM products;--> statement-breakpoint
SELECT remember_search_words(title) FROM collections;
