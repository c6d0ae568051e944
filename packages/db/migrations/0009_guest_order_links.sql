ALTER TABLE "orders" ADD COLUMN "guest_link_hash" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "guest_link_expires_at" timestamp (3) with time zone;