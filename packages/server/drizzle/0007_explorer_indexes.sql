DROP INDEX "tasks_tags_idx";--> statement-breakpoint
CREATE INDEX "tasks_batch_list_idx" ON "tasks" USING btree ("batch_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tasks_unique_id_prefix_idx" ON "tasks" USING btree ("project_id",(unique_id COLLATE "C")) WHERE unique_id IS NOT NULL;