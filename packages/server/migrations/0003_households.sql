CREATE TABLE "household_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"resident_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"grid_id" uuid,
	"org_path" text NOT NULL,
	"community" text NOT NULL,
	"street" text NOT NULL,
	"address_sealed" text NOT NULL,
	"address_masked" text NOT NULL,
	"address_index" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"qr_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"name_grams" text[] NOT NULL,
	"id_card_sealed" text NOT NULL,
	"id_card_masked" text NOT NULL,
	"id_card_index" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"phone_sealed" text,
	"phone_masked" text,
	"phone_index" text,
	"relation" text NOT NULL,
	"residence_type" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_grid_id_org_units_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_events_household_idx" ON "household_events" USING btree ("household_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "households_qr_code_key" ON "households" USING btree ("qr_code");--> statement-breakpoint
CREATE UNIQUE INDEX "households_address_index_key" ON "households" USING btree ("station_id","address_index");--> statement-breakpoint
CREATE INDEX "households_org_path_idx" ON "households" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "households_grid_idx" ON "households" USING btree ("grid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_card_index_key" ON "residents" USING btree ("station_id","id_card_index");--> statement-breakpoint
CREATE INDEX "residents_phone_index_idx" ON "residents" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_org_path_idx" ON "residents" USING btree ("org_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "residents_name_grams_idx" ON "residents" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "residents_tags_idx" ON "residents" USING gin ("tags");