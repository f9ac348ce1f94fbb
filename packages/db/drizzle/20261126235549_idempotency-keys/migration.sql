CREATE TABLE "idempotency_keys" (
	"owner" text,
	"key" text,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"completed_at" timestamp with time zone,
	"status" integer,
	"content_type" text,
	"body" text,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("owner","key")
);
