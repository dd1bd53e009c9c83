DROP INDEX "assignments_answers_idx";--> statement-breakpoint
CREATE INDEX "assignments_submitted_brin" ON "assignments" USING brin ("submitted_at");