CREATE TYPE "api_key_role" AS ENUM('READER', 'EDITOR', 'ADMIN');--> statement-breakpoint
CREATE TYPE "article_status" AS ENUM('PUBLISHED', 'CORRECTED', 'RETRACTED');--> statement-breakpoint
CREATE TYPE "asserted_by" AS ENUM('PARSER', 'EDITOR');--> statement-breakpoint
CREATE TYPE "attribution_role" AS ENUM('AUTHOR', 'PUBLISHER', 'WIRE_ORIGIN', 'NAMED_SOURCE', 'ANONYMOUS_SOURCE', 'DOCUMENT_SOURCE', 'PHOTO_CREDIT', 'CONTRIBUTOR');--> statement-breakpoint
CREATE TYPE "correction_kind" AS ENUM('CORRECTION', 'CLARIFICATION', 'UPDATE', 'EDITORS_NOTE', 'RETRACTION');--> statement-breakpoint
CREATE TYPE "cross_reference_kind" AS ENUM('RE_REPORTS', 'QUOTES', 'CITES', 'RELATED', 'SYNDICATES', 'PRIMARY_SOURCE', 'CORRECTS', 'FOLLOWS_UP');--> statement-breakpoint
CREATE TYPE "source_kind" AS ENUM('OUTLET', 'WIRE_AGENCY', 'PHOTO_AGENCY', 'PERSON', 'ANONYMOUS', 'ORGANIZATION', 'GOVERNMENT', 'DOCUMENT');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"label" text NOT NULL,
	"role" "api_key_role" NOT NULL,
	"hash" text NOT NULL UNIQUE,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"url" text NOT NULL UNIQUE,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"language" text,
	"body" text NOT NULL,
	"publisher_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"status" "article_status" DEFAULT 'PUBLISHED'::"article_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"sort_at" timestamp with time zone GENERATED ALWAYS AS (coalesce("articles"."published_at", "articles"."created_at")) STORED NOT NULL,
	"search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, "articles"."title"), 'A') || setweight(to_tsvector('english'::regconfig, "articles"."body"), 'B')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"correction_id" uuid,
	CONSTRAINT "article_revisions_article_version_key" UNIQUE("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "attributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"article_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"role" "attribution_role" NOT NULL,
	"via_id" uuid,
	"evidence" text,
	"paragraph_index" integer,
	"asserted_by" "asserted_by" DEFAULT 'PARSER'::"asserted_by" NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"article_id" uuid NOT NULL,
	"kind" "correction_kind" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"created_by" text NOT NULL,
	"asserted_by" "asserted_by" DEFAULT 'EDITOR'::"asserted_by" NOT NULL,
	"stated_at" timestamp with time zone,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"changes" jsonb DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cross_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"from_id" uuid NOT NULL,
	"target_id" uuid,
	"kind" "cross_reference_kind" NOT NULL,
	"anchor_text" text,
	"paragraph_index" integer,
	"target_url" text,
	"target_title" text,
	"target_title_key" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"created_by" text,
	"removed_at" timestamp with time zone,
	"removed_by" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "source_kind" NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain" text,
	"anonymous_count" integer,
	"relayed_by_id" uuid,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "articles_publisher_idx" ON "articles" ("publisher_id","sort_at","id");--> statement-breakpoint
CREATE INDEX "articles_sort_at_idx" ON "articles" ("sort_at","id");--> statement-breakpoint
CREATE INDEX "articles_updated_at_idx" ON "articles" ("updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_published_at_idx" ON "articles" ("published_at");--> statement-breakpoint
CREATE INDEX "articles_status_idx" ON "articles" ("status");--> statement-breakpoint
CREATE INDEX "articles_title_key_idx" ON "articles" ("title_key");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "article_revisions_created_idx" ON "article_revisions" ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "attributions_article_idx" ON "attributions" ("article_id","id");--> statement-breakpoint
CREATE INDEX "attributions_source_idx" ON "attributions" ("source_id","role","id");--> statement-breakpoint
CREATE INDEX "attributions_via_idx" ON "attributions" ("via_id");--> statement-breakpoint
CREATE INDEX "corrections_article_idx" ON "corrections" ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "corrections_created_idx" ON "corrections" ("created_at","id");--> statement-breakpoint
CREATE INDEX "cross_references_from_idx" ON "cross_references" ("from_id","id");--> statement-breakpoint
CREATE INDEX "cross_references_target_idx" ON "cross_references" ("target_id","id");--> statement-breakpoint
CREATE INDEX "cross_references_unresolved_url_idx" ON "cross_references" ("target_url") WHERE "target_id" is null;--> statement-breakpoint
CREATE INDEX "cross_references_unresolved_title_idx" ON "cross_references" ("target_title_key") WHERE "target_id" is null;--> statement-breakpoint
CREATE INDEX "sources_name_lower_idx" ON "sources" (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sources_aliases_idx" ON "sources" USING gin ("aliases");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_domain_idx" ON "sources" ("domain");--> statement-breakpoint
CREATE INDEX "sources_kind_idx" ON "sources" ("kind","id");--> statement-breakpoint
CREATE INDEX "sources_relayed_by_idx" ON "sources" ("relayed_by_id");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_publisher_id_sources_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_via_id_sources_id_fkey" FOREIGN KEY ("via_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "cross_references" ADD CONSTRAINT "cross_references_from_id_articles_id_fkey" FOREIGN KEY ("from_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "cross_references" ADD CONSTRAINT "cross_references_target_id_articles_id_fkey" FOREIGN KEY ("target_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_relayed_by_id_sources_id_fkey" FOREIGN KEY ("relayed_by_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_merged_into_id_sources_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "sources"("id");