CREATE TABLE "sso_configs" (
	"org_id" text PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text NOT NULL,
	"allowed_domains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"jit_provisioning" boolean DEFAULT false NOT NULL,
	"jit_role" text DEFAULT 'annotator' NOT NULL,
	"require_sso" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sso_configs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "org_isolation" ON "sso_configs" AS PERMISSIVE FOR ALL TO "groundwork_app" USING (org_id = current_setting('groundwork.org_id', true)) WITH CHECK (org_id = current_setting('groundwork.org_id', true));