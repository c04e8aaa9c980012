CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"via" text NOT NULL,
	"scope_org_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"ip" text,
	"mode" text NOT NULL,
	"options" jsonb NOT NULL,
	"file_sealed" "bytea",
	"file_bytes" integer NOT NULL,
	"estimated_rows" integer,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"rows_checked" integer DEFAULT 0 NOT NULL,
	"households_written" integer DEFAULT 0 NOT NULL,
	"households_total" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"notice" text,
	"report_sealed" "bytea",
	"problem" jsonb,
	"boss_job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_station_idx" ON "import_jobs" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_unfinished_idx" ON "import_jobs" USING btree ("status") WHERE status in ('queued', 'running');