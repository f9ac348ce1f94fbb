-- Custom SQL migration file, put your code below! --
-- Revisions and corrections are history: once written, never changed or removed.
CREATE OR REPLACE FUNCTION newsgraph_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER article_revisions_append_only BEFORE UPDATE OR DELETE ON article_revisions
  FOR EACH ROW EXECUTE FUNCTION newsgraph_reject_change();--> statement-breakpoint
CREATE TRIGGER corrections_append_only BEFORE UPDATE OR DELETE ON corrections
  FOR EACH ROW EXECUTE FUNCTION newsgraph_reject_change();
