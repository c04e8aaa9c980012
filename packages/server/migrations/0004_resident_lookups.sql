CREATE INDEX "residents_id_card_lookup_idx" ON "residents" USING btree ("id_card_index");--> statement-breakpoint
-- One small partial index per tag: "the 独居老人 of my area, by id" is a walk down a short index
-- instead of a scan of every resident (docs/performance.md, city scale).
CREATE INDEX IF NOT EXISTS "residents_tag_kongchao_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{空巢老人}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_duju_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{独居老人}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_liushou_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{留守儿童}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_canji_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{残疾人}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_dibao_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{低保}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_zhongdian_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{重点关注}';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "residents_tag_fanzha_idx" ON "residents" ("org_path" text_pattern_ops, "id") WHERE tags @> '{反诈App已安装}';
