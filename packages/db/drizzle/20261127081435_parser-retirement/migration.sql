ALTER TABLE "attributions" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cross_references" ADD COLUMN "asserted_by" "asserted_by" DEFAULT 'EDITOR'::"asserted_by" NOT NULL;--> statement-breakpoint
-- References stored so far carry no mark of who asserted them. Those an import stored with its article
-- (same transaction, so the same created_at) were the parser's; anything else (addCrossReference,
-- createArticle, the demo seed) stays EDITOR, which re-imports never touch.
UPDATE "cross_references" r SET "asserted_by" = 'PARSER'
FROM "articles" a
WHERE a."id" = r."from_id" AND r."created_at" = a."created_at" AND a."content_hash" IS NOT NULL
  AND r."created_by" IS DISTINCT FROM 'demo'
  AND NOT EXISTS (
    SELECT 1 FROM "audit_log" l WHERE l."action" = 'createArticle' AND l."outcome"->>'articleId' = a."id"::text
  );
