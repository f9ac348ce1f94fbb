CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"actor" text NOT NULL,
	"key_id" uuid,
	"action" text NOT NULL,
	"input" jsonb NOT NULL,
	"outcome" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" ("created_at","id");