-- Custom SQL migration file, put your code below! --
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION newsgraph_reject_change();
