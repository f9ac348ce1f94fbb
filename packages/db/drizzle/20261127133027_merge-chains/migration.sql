-- A merge is one step from now on: mergeSources re-points sources merged into the duplicate at the
-- survivor. Chains made before (A merged into B, then B into C) now point straight at their end.
WITH RECURSIVE chain(id, target, depth) AS (
  SELECT "id", "merged_into_id", 1 FROM "sources" WHERE "merged_into_id" IS NOT NULL
  UNION ALL
  SELECT c.id, s."merged_into_id", c.depth + 1
  FROM chain c JOIN "sources" s ON s."id" = c.target
  WHERE s."merged_into_id" IS NOT NULL AND c.depth < 64
)
UPDATE "sources" s SET "merged_into_id" = last.target
FROM (SELECT DISTINCT ON (id) id, target FROM chain ORDER BY id, depth DESC) last
WHERE s."id" = last.id AND s."merged_into_id" IS DISTINCT FROM last.target;
