-- Dispatch: a task in labeling has one open slot per annotator its project's workflow asks for
-- (`workflow.overlap`, default 1). Slots are queued here whenever tasks are inserted — by any path,
-- single INSERT or bulk COPY — unless the task is a test-environment task, not pending, or in a
-- staging batch (finalizing the batch queues them). The application queues review slots and the
-- slots of later labeling rounds itself.

-- The combined queue priority: project, then batch, then task priority (lexicographic).
CREATE FUNCTION groundwork_queue_priority(project_priority integer, batch_priority integer, task_priority integer)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (greatest(-100, least(100, project_priority)) * 201 + greatest(-100, least(100, coalesce(batch_priority, 0)))) * 1001
         + greatest(0, least(1000, task_priority))
$$;
--> statement-breakpoint
-- The workforce a slot is routed to by the project's shares (`routing.workforces[].share`), or NULL
-- when the project sets no shares. Deterministic in (task, round, slot): a slot keeps its workforce.
CREATE FUNCTION groundwork_route_slot(routing jsonb, task_id text, round integer, slot integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  total double precision := 0;
  point double precision;
  acc double precision := 0;
  w jsonb;
BEGIN
  IF routing IS NULL OR jsonb_typeof(routing -> 'workforces') IS DISTINCT FROM 'array' THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum((e ->> 'share')::double precision), 0) INTO total
    FROM jsonb_array_elements(routing -> 'workforces') e
   WHERE jsonb_typeof(e -> 'share') = 'number';
  IF total <= 0 THEN
    RETURN NULL;
  END IF;
  point := ((hashtextextended(task_id || ':' || round || ':' || slot, 0) & 1099511627775)::double precision
            / 1099511627776.0) * total;
  FOR w IN SELECT e FROM jsonb_array_elements(routing -> 'workforces') e WHERE jsonb_typeof(e -> 'share') = 'number' LOOP
    acc := acc + (w ->> 'share')::double precision;
    IF point < acc THEN
      RETURN w ->> 'id';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Queues the labeling slots of the current round of the given tasks (those still to dispatch).
CREATE FUNCTION groundwork_enqueue_tasks(task_ids text[]) RETURNS integer LANGUAGE sql AS $$
  WITH queued AS (
    INSERT INTO work_queue (org_id, project_id, batch_id, task_id, stage, round, slot, priority, workforce_id, task_created_at)
    SELECT t.org_id, t.project_id, t.batch_id, t.id, 'label', t.round, s.slot,
           groundwork_queue_priority(p.priority, b.priority, t.priority),
           groundwork_route_slot(p.routing, t.id, t.round, s.slot),
           t.created_at
      FROM tasks t
      JOIN projects p ON p.id = t.project_id
      LEFT JOIN batches b ON b.id = t.batch_id
      CROSS JOIN LATERAL generate_series(1, greatest(1, coalesce((p.workflow ->> 'overlap')::integer, 1))) AS s(slot)
     WHERE t.id = ANY(task_ids)
       AND t.status = 'pending' AND t.stage = 'label' AND NOT t.is_test
       AND (b.id IS NULL OR b.status <> 'staging')
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::integer FROM queued
$$;
--> statement-breakpoint
CREATE FUNCTION groundwork_enqueue_inserted_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM groundwork_enqueue_tasks(ARRAY(SELECT id FROM inserted_tasks WHERE status = 'pending' AND NOT is_test));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_enqueue AFTER INSERT ON tasks
  REFERENCING NEW TABLE AS inserted_tasks
  FOR EACH STATEMENT EXECUTE FUNCTION groundwork_enqueue_inserted_tasks();
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION groundwork_queue_priority(integer, integer, integer), groundwork_route_slot(jsonb, text, integer, integer), groundwork_enqueue_tasks(text[]), groundwork_enqueue_inserted_tasks() TO groundwork_app;
