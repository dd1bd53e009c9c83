/**
 * Applies project params as defaults under a task's own params: every top-level key the task sets (to anything
 * but `undefined`) wins wholesale, objects and arrays included; the rest come from the project.
 */
export function mergeProjectParams(
  projectParams: Readonly<Record<string, unknown>> | undefined,
  taskParams: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...projectParams };
  for (const [key, value] of Object.entries(taskParams)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function present(text: string | undefined | null): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

/**
 * Combines instructions the way Scale does: the project's instruction is appended after the task's, separated
 * by a blank line. Blank instructions count as absent; returns `undefined` when neither is set.
 */
export function appendInstruction(
  taskInstruction?: string | null,
  projectInstruction?: string | null,
): string | undefined {
  if (present(taskInstruction) && present(projectInstruction)) {
    return `${taskInstruction.trimEnd()}\n\n${projectInstruction}`;
  }
  if (present(taskInstruction)) return taskInstruction;
  if (present(projectInstruction)) return projectInstruction;
  return undefined;
}
