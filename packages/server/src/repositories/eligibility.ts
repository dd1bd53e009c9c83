/**
 * Who may work what: the one definition of eligibility that leasing (`/api/work/next`) and the work
 * overview share, so the overview's counts are exactly the slots a lease could take. Each function
 * returns a SQL condition as text over positional parameters (`$n`), to be embedded in hot statements;
 * the caller names the placeholders that hold the person's user id and workforce id.
 */

/** The placeholders of the statement embedding a condition. */
export interface WorkerPlaceholders {
  /** Holds the person's user id (text). */
  user: string;
  /** Holds the person's workforce id (text; NULL for a member of no workforce). */
  workforce: string;
}

/**
 * A condition on the project aliased `p`: the person may work it now. It is live (not of the test
 * environment, which no person works) and not archived; it is routed to the person's workforce, or to
 * every workforce (no workforces listed: then members of no workforce may work it too); and the person
 * holds, unexpired, every skill it requires.
 */
export function projectOpenTo(p: string, w: WorkerPlaceholders): string {
  return `NOT ${p}.is_test AND NOT ${p}.archived
     AND (jsonb_array_length(coalesce(${p}.routing -> 'workforces', '[]'::jsonb)) = 0
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(${p}.routing -> 'workforces') rw WHERE rw ->> 'id' = ${w.workforce}))
     AND NOT EXISTS (
       SELECT 1 FROM jsonb_array_elements_text(coalesce(${p}.routing -> 'skills', '[]'::jsonb)) AS rs(skill)
        WHERE NOT EXISTS (
          SELECT 1 FROM member_skills ms
           WHERE ms.user_id = ${w.user} AND ms.skill = rs.skill AND (ms.expires_at IS NULL OR ms.expires_at > now())))`;
}

/**
 * A condition on the open slot (`work_queue` row) aliased `q`, of a project the person may work: they
 * may take it. It is routed to their workforce or to nobody in particular (review slots always are), and
 * its task is not one they took, skipped or answered in the slot's round — in any stage, so nobody holds
 * two slots of one round and nobody reviews a round they labeled.
 */
export function slotOpenTo(q: string, w: WorkerPlaceholders): string {
  return `(${q}.workforce_id IS NULL OR ${q}.workforce_id = ${w.workforce})
     AND NOT EXISTS (
       SELECT 1 FROM assignments own
        WHERE own.task_id = ${q}.task_id AND own.round = ${q}.round AND own.user_id = ${w.user}
          AND own.status IN ('leased', 'submitted', 'skipped'))`;
}

/**
 * A condition on the project aliased `p`: the person's standing lets them do its real work — they are
 * not paused from it, and they passed its training gate (or it has none: no training required, or no
 * active training task to take).
 */
export function standingAllows(p: string, w: WorkerPlaceholders): string {
  return `NOT EXISTS (SELECT 1 FROM annotator_standings st
                      WHERE st.project_id = ${p}.id AND st.user_id = ${w.user} AND st.paused_at IS NOT NULL)
     AND (coalesce((${p}.quality ->> 'training_required')::integer, 0) = 0
          OR EXISTS (SELECT 1 FROM annotator_standings st
                      WHERE st.project_id = ${p}.id AND st.user_id = ${w.user} AND st.training_passed_at IS NOT NULL)
          OR NOT EXISTS (SELECT 1 FROM gold_tasks gt
                          WHERE gt.project_id = ${p}.id AND gt.kind = 'training' AND NOT gt.archived AND NOT gt.is_test))`;
}
