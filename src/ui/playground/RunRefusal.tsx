import { useId } from 'react';
import { controlId } from './controlId.ts';
import type { ConfigProblem } from './configProblems.ts';
import type { ControlName } from './playgroundConfig.ts';

/** A control's name as its label reads, for "Change the …" buttons. */
const CONTROL_WORDS: Record<ControlName, string> = {
  clients: 'clients',
  nodes: 'app nodes',
  balancer: 'load balancer',
  l1: 'local cache',
  l1Seconds: 'local cache TTL',
  read: 'read path',
  write: 'write path',
  ttlSeconds: 'cache TTL',
  jitterSeconds: 'TTL jitter',
  invalidation: 'invalidation',
  raceFix: 'race fix',
  sessions: 'session store',
  stampede: 'stampede protection',
  lockTtlMs: 'lock TTL',
  retryDelayMs: 'retry delay',
  maxRetries: 'retries',
  beta: 'XFetch β',
  staleSeconds: 'stale window',
  penetration: 'penetration protection',
  nullTtlSeconds: '“not found” TTL',
  bloomItems: 'expected keys',
  bloomRate: 'false-positive rate',
  cacheLimit: 'cache size limit',
  maxKeys: 'max keys',
  evictionPolicy: 'eviction policy',
};

/** Where the player would be: which settings cannot run together, and a way to each of them. */
export function RunRefusal({ problems }: { problems: readonly ConfigProblem[] }) {
  const headingId = useId();
  return (
    <section className="notice notice-error run-refusal" aria-labelledby={headingId}>
      <h3 id={headingId} className="notice-title">
        {problems.length === 1 ? 'These settings cannot run' : 'These settings cannot run together'}
      </h3>
      <p>Nothing was run. Change the settings named here; each one also says why next to its control.</p>
      <ul className="notice-list run-refusal-list">
        {problems.map((problem) => (
          <li key={problem.message}>
            {problem.message}{' '}
            <span className="run-refusal-links">
              {problem.controls.map((control) => (
                <button
                  key={control}
                  type="button"
                  className="link-button"
                  onClick={() => document.getElementById(controlId(control))?.focus()}
                >
                  Change the {CONTROL_WORDS[control]}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
