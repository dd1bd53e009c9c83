import { useEffect, useRef, useState } from 'react';

/**
 * Time spent on the assignment in milliseconds, starting from `initialMs` (a resumed draft's), counting
 * only while the page is visible; re-renders every second. `read()` gives the exact figure on submit.
 */
export function useElapsed(initialMs: number): { elapsedMs: number; read: () => number } {
  const base = useRef(initialMs);
  const since = useRef<number | null>(document.visibilityState === 'visible' ? performance.now() : null);
  const [, tick] = useState(0);

  const read = () => base.current + (since.current === null ? 0 : performance.now() - since.current);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        since.current ??= performance.now();
      } else if (since.current !== null) {
        base.current += performance.now() - since.current;
        since.current = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, []);

  return { elapsedMs: read(), read };
}
