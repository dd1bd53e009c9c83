/** Running a fixed number of jobs with a fixed number of concurrent workers. */

/**
 * Runs `count` jobs with `concurrency` workers pulling the next index from a shared counter; the first
 * failure stops every worker and is rethrown.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed) {
      const index = next++;
      if (index >= count) return;
      try {
        await job(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
