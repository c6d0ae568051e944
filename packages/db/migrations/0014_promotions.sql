CREATE TABLE "promotion_redemptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"promotion_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_key" text,
	"amount" integer NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_redemptions_amount_check" CHECK ("promotion_redemptions"."amount" >= 0),
	CONSTRAINT "promotion_redemptions_status_check" CHECK ("promotion_redemptions"."status" in ('held', 'kept', 'released'))
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"percent_off" integer,
	"amount_off" integer,
	"currency" text,
	"free_shipping" boolean DEFAULT false NOT NULL,
	"min_subtotal" integer,
	"starts_at" timestamp (3) with time zone,
	"ends_at" timestamp (3) with time zone,
	"usage_limit" integer,
	"times_used" integer DEFAULT 0 NOT NULL,
	"once_per_customer" boolean DEFAULT false NOT NULL,
	"combines_with_automatic" boolean DEFAULT false NOT NULL,
	"product_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"collection_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_status_check" CHECK ("promotions"."status" in ('active', 'paused', 'archived')),
	CONSTRAINT "promotions_code_check" CHECK ("promotions"."code" is null or "promotions"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$'),
	CONSTRAINT "promotions_benefit_check" CHECK (("promotions"."percent_off" is null or "promotions"."amount_off" is null) and ("promotions"."percent_off" is not null or "promotions"."amount_off" is not null or "promotions"."free_shipping")),
	CONSTRAINT "promotions_amounts_check" CHECK (("promotions"."percent_off" is null or "promotions"."percent_off" between 1 and 100) and ("promotions"."amount_off" is null or "promotions"."amount_off" > 0) and ("promotions"."min_subtotal" is null or "promotions"."min_subtotal" >= 0)),
	CONSTRAINT "promotions_currency_check" CHECK (("promotions"."currency" is null or "promotions"."currency" ~ '^[A-Z]{3}$') and ("promotions"."currency" is not null or ("promotions"."amount_off" is null and "promotions"."min_subtotal" is null))),
	CONSTRAINT "promotions_uses_check" CHECK ("promotions"."times_used" >= 0 and ("promotions"."usage_limit" is null or ("promotions"."usage_limit" > 0 and "promotions"."times_used" <= "promotions"."usage_limit"))),
	CONSTRAINT "promotions_window_check" CHECK ("promotions"."starts_at" is null or "promotions"."ends_at" is null or "promotions"."starts_at" < "promotions"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "discount_code" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_label" text;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_redemptions_order_key" ON "promotion_redemptions" USING btree ("promotion_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_redemptions_customer_key" ON "promotion_redemptions" USING btree ("promotion_id","customer_key") WHERE "promotion_redemptions"."customer_key" is not null and "promotion_redemptions"."status" <> 'released';--> statement-breakpoint
CREATE INDEX "promotion_redemptions_order_idx" ON "promotion_redemptions" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_key" ON "promotions" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "promotions_automatic_idx" ON "promotions" USING btree ("status") WHERE "promotions"."code" is null;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_discount_code_check" CHECK (char_length("carts"."discount_code") <= 40);