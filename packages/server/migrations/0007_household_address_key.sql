ALTER TABLE "households" ADD COLUMN "address_key_index" text;--> statement-breakpoint
CREATE INDEX "households_address_key_idx" ON "households" USING btree ("station_id","address_key_index");--> statement-breakpoint
CREATE INDEX "households_address_key_missing_idx" ON "households" USING btree ("id") WHERE "households"."address_key_index" is null;