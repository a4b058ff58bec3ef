-- The audit log's head (./src/store/audit-head.ts): the newest entry, moved with every append.
INSERT OR IGNORE INTO `settings` (`key`, `value`)
  SELECT 'audit_head', json_object('seq', `seq`, 'hash', `hash`) FROM `audit_log` ORDER BY `seq` DESC LIMIT 1;
--> statement-breakpoint
-- Verdict rows written before this migration have no audit entry carrying their hash.
INSERT OR IGNORE INTO `settings` (`key`, `value`)
  SELECT 'audit_rows_attested_after', CAST(coalesce(max(rowid), 0) AS TEXT) FROM `verdicts`;
