CREATE TABLE "alert_incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"opened_value" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"open_notified_at" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"resolved_value" double precision,
	"resolve_notified_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_incidents_open_key" ON "alert_incidents" USING btree ("rule") WHERE "alert_incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alert_incidents_opened_idx" ON "alert_incidents" USING btree ("opened_at");