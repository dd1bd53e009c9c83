CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"environment" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "batches" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"callback" text,
	"calibration_batch" boolean DEFAULT false NOT NULL,
	"self_label_batch" boolean DEFAULT false NOT NULL,
	"metadata" jsonb NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"project_id" text,
	"display_name" text,
	"reference_id" text,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"source_url" text,
	"metadata" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"project_id" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"params" jsonb NOT NULL,
	"expected_response" jsonb NOT NULL,
	"initial_response" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gold_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"key" text NOT NULL,
	"task_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_is_test_key_pk" PRIMARY KEY("org_id","is_test","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_param_versions" (
	"org_id" text NOT NULL,
	"project_id" text NOT NULL,
	"version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"instruction" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_param_versions_project_id_version_pk" PRIMARY KEY("project_id","version")
);
--> statement-breakpoint
ALTER TABLE "project_param_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"params" jsonb NOT NULL,
	"instruction" text,
	"version" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"is_test" boolean NOT NULL,
	"project_id" text NOT NULL,
	"batch_id" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"instruction" text,
	"params" jsonb NOT NULL,
	"response" jsonb,
	"metadata" jsonb NOT NULL,
	"tags" text[],
	"unique_id" text,
	"clear_unique_id_on_error" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 20 NOT NULL,
	"callback_url" text,
	"callback_succeeded" boolean,
	"customer_review_status" text,
	"audits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "audit_events" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "batches_name_key" ON "batches" USING btree ("org_id","is_test","name");--> statement-breakpoint
CREATE INDEX "batches_project_idx" ON "batches" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "files_reference_id_key" ON "files" USING btree ("org_id","is_test","reference_id") WHERE reference_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "gold_tasks_project_idx" ON "gold_tasks" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_name_key" ON "projects" USING btree ("org_id","is_test","name");--> statement-breakpoint
CREATE INDEX "tasks_list_idx" ON "tasks" USING btree ("org_id","is_test","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tasks_project_idx" ON "tasks" USING btree ("project_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tasks_batch_idx" ON "tasks" USING btree ("batch_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_unique_id_key" ON "tasks" USING btree ("org_id","is_test","unique_id") WHERE unique_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "api_keys" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "audit_events" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "batches" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "files" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "gold_tasks" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "idempotency_keys" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "organizations" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (id = current_setting('groundwork.org_id', true)) WITH CHECK (id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "project_param_versions" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "projects" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));--> statement-breakpoint
CREATE POLICY "org_members" ON "users" AS PERMISSIVE FOR SELECT TO "groundwork_app" USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = current_setting('groundwork.org_id', true)));