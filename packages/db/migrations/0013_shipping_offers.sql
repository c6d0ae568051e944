ALTER TABLE "orders" ADD COLUMN "shipping_offers" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_behavior" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tax_behavior_check" CHECK ("orders"."tax_behavior" is null or "orders"."tax_behavior" in ('exclusive', 'inclusive'));