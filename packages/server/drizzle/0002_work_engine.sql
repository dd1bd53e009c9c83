CREATE TABLE "assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"batch_id" text,
	"task_id" text NOT NULL,
	"stage" text NOT NULL,
	"round" integer NOT NULL,
	"slot" integer NOT NULL,
	"priority" integer NOT NULL,
	"task_created_at" timestamp (3) with time zone NOT NULL,
	"user_id" text NOT NULL,
	"workforce_id" text,
	"status" text NOT NULL,
	"routed_workforce_id" text,
	"leased_at" timestamp (3) with time zone NOT NULL,
	"lease_expires_at" timestamp (3) with time zone NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"time_spent_ms" integer,
	"response" jsonb,
	"display_order" jsonb,
	"skip_reason" text,
	"feedback" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"event" text NOT NULL,
	"task_id" text,
	"batch_id" text,
	"url" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone,
	"last_attempt_at" timestamp (3) with time zone,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"org_id" text NOT NULL,
	"delivery_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"status_code" integer,
	"error" text,
	CONSTRAINT "delivery_attempts_delivery_id_attempt_pk" PRIMARY KEY("delivery_id","attempt")
);
--> statement-breakpoint
ALTER TABLE "delivery_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"workforce_id" text,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"accepted_by" text,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "member_skills" (
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"skill" text NOT NULL,
	"source" text NOT NULL,
	"granted_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "member_skills_org_id_user_id_skill_pk" PRIMARY KEY("org_id","user_id","skill")
);
--> statement-breakpoint
ALTER TABLE "member_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "org_secrets" (
	"org_id" text PRIMARY KEY NOT NULL,
	"callback_auth" text NOT NULL,
	"signing_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_secrets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"task_id" text NOT NULL,
	"round" integer NOT NULL,
	"assignment_id" text,
	"source" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"verdict" text NOT NULL,
	"response" jsonb,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "work_queue" (
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"batch_id" text,
	"task_id" text NOT NULL,
	"stage" text NOT NULL,
	"round" integer NOT NULL,
	"slot" integer NOT NULL,
	"priority" integer NOT NULL,
	"workforce_id" text,
	"task_created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "work_queue_task_id_stage_round_slot_pk" PRIMARY KEY("task_id","stage","round","slot")
);
--> statement-breakpoint
ALTER TABLE "work_queue" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workforces" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact" text,
	"description" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workforces" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "workforce_id" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "workflow" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "routing" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "stage" text DEFAULT 'label' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "stage_response" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "agreement" real;--> statement-breakpoint
CREATE INDEX "assignments_task_idx" ON "assignments" USING btree ("task_id","stage","round");--> statement-breakpoint
CREATE INDEX "assignments_user_idx" ON "assignments" USING btree ("org_id","user_id","status");--> statement-breakpoint
CREATE INDEX "assignments_lease_idx" ON "assignments" USING btree ("lease_expires_at") WHERE status = 'leased';--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_slot_key" ON "assignments" USING btree ("task_id","stage","round","slot") WHERE status IN ('leased', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_person_key" ON "assignments" USING btree ("task_id","stage","round","user_id") WHERE status IN ('leased', 'submitted');--> statement-breakpoint
CREATE INDEX "deliveries_list_idx" ON "deliveries" USING btree ("org_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deliveries_task_idx" ON "deliveries" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "invitations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_task_idx" ON "reviews" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "work_queue_project_claim_idx" ON "work_queue" USING btree ("project_id","stage","priority" DESC NULLS LAST,"task_created_at","task_id","slot");--> statement-breakpoint
CREATE INDEX "work_queue_org_claim_idx" ON "work_queue" USING btree ("org_id","stage","priority" DESC NULLS LAST,"task_created_at","task_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "workforces_name_key" ON "workforces" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "memberships_workforce_idx" ON "memberships" USING btree ("org_id","workforce_id");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "assignments" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "deliveries" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "delivery_attempts" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "member_skills" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "org_secrets" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "reviews" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "sessions" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "work_queue" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "workforces" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));