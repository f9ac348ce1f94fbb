CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"article_id" uuid NOT NULL,
	"text" text NOT NULL,
	"paragraph_index" integer NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "quotes_article_idx" ON "quotes" ("article_id","paragraph_index","id");--> statement-breakpoint
CREATE INDEX "quotes_source_idx" ON "quotes" ("source_id");--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id");--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id");