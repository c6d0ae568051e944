ALTER TABLE "products" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
UPDATE "products" SET "currency" = "v"."currency" FROM (SELECT DISTINCT ON ("product_id") "product_id", "currency" FROM "product_variants" ORDER BY "product_id", "position") AS "v" WHERE "v"."product_id" = "products"."id";--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_currency_check" CHECK ("products"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
CREATE UNIQUE INDEX "products_id_currency_key" ON "products" USING btree ("id","currency");--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_currency_fkey" FOREIGN KEY ("product_id","currency") REFERENCES "public"."products"("id","currency") ON DELETE cascade ON UPDATE cascade;
