CREATE TABLE "audit_seals" (
	"chain_seq" bigint PRIMARY KEY NOT NULL,
	"audit_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"xid_floor" "xid8"
);
--> statement-breakpoint
DROP TABLE "audit_head" CASCADE;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" ADD GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "station_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_audit_seq_key" ON "audit_seals" USING btree ("audit_seq");--> statement-breakpoint
CREATE INDEX "audit_log_xid_idx" ON "audit_log" USING btree ("xid");--> statement-breakpoint
-- Carry the old chain over: each existing row becomes the link of the same number, with its hash
-- unchanged, so `audit verify` on an upgraded station walks the same chain. The last link gets the
-- floor of this statement's snapshot (every transaction older than it has finished), so the sealer's
-- first pass looks only at transactions from here on.
INSERT INTO "audit_seals" ("chain_seq", "audit_seq", "prev_hash", "hash", "sealed_at", "xid_floor")
  SELECT "seq", "seq", "prev_hash", "hash", "at",
    CASE WHEN "seq" = max("seq") OVER () THEN pg_snapshot_xmin(pg_current_snapshot()) END
  FROM "audit_log" ORDER BY "seq";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), coalesce((SELECT max("seq") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "hash";--> statement-breakpoint
-- One refusal for every append-only audit table (see src/db/append-only-tables.ts).
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER "audit_log_no_update" ON "audit_log";
--> statement-breakpoint
DROP TRIGGER "audit_log_no_truncate" ON "audit_log";
--> statement-breakpoint
DROP FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_update BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
