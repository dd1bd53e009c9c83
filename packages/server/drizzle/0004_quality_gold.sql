CREATE TABLE "annotator_standings" (
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"user_id" text NOT NULL,
	"training_answered" integer DEFAULT 0 NOT NULL,
	"training_passed" integer DEFAULT 0 NOT NULL,
	"training_passed_at" timestamp (3) with time zone,
	"gold_answered" integer DEFAULT 0 NOT NULL,
	"gold_score_sum" real DEFAULT 0 NOT NULL,
	"reliability" real,
	"reliability_source" text,
	"paused_at" timestamp (3) with time zone,
	"pause_reason" text,
	"paused_by" text,
	"reinstated_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotator_standings_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "annotator_standings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"gold_task_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text NOT NULL,
	"workforce_id" text,
	"batch_id" text,
	"slot" integer NOT NULL,
	"status" text NOT NULL,
	"leased_at" timestamp (3) with time zone NOT NULL,
	"lease_expires_at" timestamp (3) with time zone NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"time_spent_ms" integer,
	"response" jsonb,
	"score" real,
	"display_order" jsonb,
	"skip_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gold_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "gold_tasks_project_idx";--> statement-breakpoint
ALTER TABLE "gold_tasks" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "quality" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "gold_answers_person_key" ON "gold_answers" USING btree ("gold_task_id","user_id") WHERE status IN ('leased', 'submitted', 'skipped');--> statement-breakpoint
CREATE INDEX "gold_answers_user_idx" ON "gold_answers" USING btree ("project_id","user_id","kind","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gold_answers_person_idx" ON "gold_answers" USING btree ("org_id","user_id","status");--> statement-breakpoint
CREATE INDEX "gold_answers_project_idx" ON "gold_answers" USING btree ("project_id","kind","submitted_at" DESC NULLS LAST) WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "gold_answers_lease_idx" ON "gold_answers" USING btree ("lease_expires_at") WHERE status = 'leased';--> statement-breakpoint
CREATE INDEX "assignments_answers_idx" ON "assignments" USING btree ("project_id","submitted_at" DESC NULLS LAST) WHERE status = 'submitted' AND stage = 'label';--> statement-breakpoint
CREATE INDEX "reviews_time_idx" ON "reviews" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "gold_tasks_project_idx" ON "gold_tasks" USING btree ("project_id","kind");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "annotator_standings" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "gold_answers" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));