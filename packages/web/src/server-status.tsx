import { useCallback, useEffect, useState } from 'react';

/** What the page knows about the server it was loaded from. */
export type ServerHealth =
  | { state: 'checking' }
  | { state: 'online'; checkedAt: Date }
  | { state: 'unreachable'; reason: string; checkedAt: Date };

/** How long a health check may take before the server counts as unreachable. */
const HEALTH_TIMEOUT_MS = 5000;

/**
 * Asks the server's `/healthz` whether it is up. `/healthz` sits outside the OpenAPI document, so it is
 * read with a plain `fetch` rather than through the SDK.
 */
export async function checkHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const timeout = AbortSignal.timeout(HEALTH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch('/healthz', { cache: 'no-store', signal: combined });
    if (!response.ok)
      return { state: 'unreachable', reason: `HTTP ${response.status}`, checkedAt: new Date() };
    const body: unknown = await response.json();
    const ok = typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === true;
    return ok
      ? { state: 'online', checkedAt: new Date() }
      : { state: 'unreachable', reason: 'unexpected health response', checkedAt: new Date() };
  } catch (error) {
    const reason = timeout.aborted
      ? 'no answer within 5 s'
      : error instanceof Error
        ? error.message
        : 'network error';
    return { state: 'unreachable', reason, checkedAt: new Date() };
  }
}

/** The server's health, checked on mount and whenever `recheck` is called. */
export function useServerHealth(): { health: ServerHealth; recheck: () => void } {
  const [health, setHealth] = useState<ServerHealth>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger for a new check.
  useEffect(() => {
    const controller = new AbortController();
    setHealth({ state: 'checking' });
    checkHealth(controller.signal).then((result) => {
      if (!controller.signal.aborted) setHealth(result);
    });
    return () => controller.abort();
  }, [attempt]);

  const recheck = useCallback(() => setAttempt((n) => n + 1), []);
  return { health, recheck };
}

const LABELS: Record<ServerHealth['state'], string> = {
  checking: 'Checking…',
  online: 'Online',
  unreachable: 'Unreachable',
};

/** A card showing whether this Groundwork server answers its health check, and where its APIs live. */
export function ServerStatus({ origin }: { origin: string }) {
  const { health, recheck } = useServerHealth();
  const detail =
    health.state === 'checking'
      ? 'Contacting /healthz'
      : health.state === 'online'
        ? `/healthz answered at ${health.checkedAt.toLocaleTimeString()}`
        : `/healthz: ${health.reason}`;

  return (
    <section className="status-card" aria-labelledby="status-title" aria-live="polite">
      <div className="status-card__head">
        <h2 id="status-title">Server status</h2>
        <button
          type="button"
          className="button button--quiet"
          onClick={recheck}
          disabled={health.state === 'checking'}
        >
          Check again
        </button>
      </div>
      <p className="status" data-state={health.state} data-testid="server-status">
        <span className="status__dot" aria-hidden="true" />
        {LABELS[health.state]}
      </p>
      <p className="status-card__detail">{detail}</p>
      <dl className="endpoints">
        <dt>Scale-compatible API</dt>
        <dd>
          <code>{origin}/v1</code>
        </dd>
        <dt>Groundwork API</dt>
        <dd>
          <code>{origin}/api</code>
        </dd>
      </dl>
    </section>
  );
}
