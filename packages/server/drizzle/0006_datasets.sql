CREATE TABLE "dataset_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"project_id" text NOT NULL,
	"format" text NOT NULL,
	"options" jsonb NOT NULL,
	"status" text NOT NULL,
	"params_version" integer NOT NULL,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"blob_key" text,
	"file_name" text,
	"content_type" text,
	"bytes" bigint,
	"error" text,
	"requested_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "dataset_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "params_version" integer;--> statement-breakpoint
CREATE INDEX "dataset_exports_list_idx" ON "dataset_exports" USING btree ("org_id","project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tasks_tags_idx" ON "tasks" USING gin ("tags");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "dataset_exports" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));