ALTER TABLE "assignments" ADD COLUMN "redaction_fingerprint" text;--> statement-breakpoint
ALTER TABLE "gold_answers" ADD COLUMN "redaction_fingerprint" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "redaction" jsonb DEFAULT '{}'::jsonb NOT NULL;