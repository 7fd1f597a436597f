/**
 * What the Playground refuses in the failure-mode settings: the pairs the engine's
 * `protectionProblems` refuses (a protection that acts where the app node loads rows, with
 * read-through reads), and numbers outside what the engine and a short run can use.
 */

import type { PlaygroundConfig } from './playgroundConfig.ts';
import type { ConfigProblem } from './configProblems.ts';
import { PROTECTION_LIMITS, STAMPEDE_CHOICES } from './protectionConfig.ts';
import type { ProtectionField } from './protectionConfig.ts';

export function protectionConfigProblems(config: PlaygroundConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [...numberProblems(config)];
  const { stampede, penetration, read, raceFix, invalidation } = config;
  const label = STAMPEDE_CHOICES.find((choice) => choice.value === stampede.kind)?.label ?? stampede.kind;
  if (read === 'read-through' && stampede.kind !== 'none') {
    problems.push({
      controls: ['stampede', 'read'],
      message: `The stampede protection \u201c${label}\u201d works where the app node loads rows, on cache-aside reads. With read-through the cache loads them, so it would do nothing. Choose cache-aside, or stampede protection None.`,
    });
  }
  if (read === 'read-through' && penetration.kind === 'null-caching') {
    problems.push({
      controls: ['penetration', 'read'],
      message:
        'The app node caches \u201cnot found\u201d when it finds no row, on cache-aside reads. With read-through the cache loads the rows, so no marker would ever be stored. Choose cache-aside, or another penetration protection.',
    });
  }
  // Found by running them: the refresh brings back the version already cached, and compare
  // versions keeps a fill only over an older one, so the refresh is refused.
  if (
    (stampede.kind === 'xfetch' || stampede.kind === 'stale-while-revalidate') &&
    raceFix === 'version-cas'
  ) {
    problems.push({
      controls: ['stampede', 'raceFix'],
      message: `“${label}” refreshes a key whose row has not changed, so the fill carries the version already cached. Compare versions keeps a fill only over an older version: every refresh would be refused, and the key would expire as if unprotected. Choose another race fix, or another stampede protection.`,
    });
  }
  // A key with no row never gets a version, so readers never look for its marker.
  if (penetration.kind === 'null-caching' && invalidation === 'versioned-keys') {
    problems.push({
      controls: ['penetration', 'invalidation'],
      message:
        'With versioned keys a read first asks for the key\u2019s version, and a key with no row never has one, so the read goes straight to the database and the \u201cnot found\u201d marker is never read. Choose another invalidation, or another penetration protection.',
    });
  }
  return problems;
}

/** A number as the message says it, with its unit: "1 ms", "5 seconds", "1 key"; null: no unit. */
type Unit = [one: string, many: string] | null;
const MS: Unit = ['ms', 'ms'];
const SECONDS: Unit = ['second', 'seconds'];
const amount = (n: number, unit: Unit) => (unit === null ? `${n}` : `${n} ${n === 1 ? unit[0] : unit[1]}`);

function numberProblems({ stampede, penetration, cacheLimit }: PlaygroundConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const whole = (
    control: keyof typeof PROTECTION_LIMITS & ProtectionField,
    value: number,
    what: string,
    unit: Unit,
  ) => {
    const { min, max } = PROTECTION_LIMITS[control];
    if (value < min)
      problems.push({ controls: [control], message: `${what} must be at least ${amount(min, unit)}.` });
    else if (value > max)
      problems.push({ controls: [control], message: `${what} must be at most ${amount(max, unit)}.` });
  };
  if (stampede.kind === 'mutex') {
    whole('lockTtlMs', stampede.lockTtlMs, 'The lock TTL', MS);
    whole('retryDelayMs', stampede.retryDelayMs, 'The retry delay', MS);
    whole('maxRetries', stampede.maxRetries, 'The number of retries', null);
  } else if (stampede.kind === 'xfetch') {
    const { max } = PROTECTION_LIMITS.beta;
    if (!(stampede.beta > 0 && stampede.beta <= max))
      problems.push({ controls: ['beta'], message: `\u03b2 must be above 0 and at most ${max}, such as 1.` });
  } else if (stampede.kind === 'stale-while-revalidate') {
    whole('staleSeconds', stampede.staleSeconds, 'The stale window', SECONDS);
  }
  if (penetration.kind === 'null-caching') {
    whole('nullTtlSeconds', penetration.ttlSeconds, 'The \u201cnot found\u201d TTL', SECONDS);
  } else if (penetration.kind === 'bloom-filter') {
    whole('bloomItems', penetration.expectedItems, 'The number of keys the filter is sized for', null);
    const p = penetration.falsePositiveRate;
    if (!(p > 0 && p < 1))
      problems.push({
        controls: ['bloomRate'],
        message: 'The false-positive rate is a share: above 0 and below 1, such as 0.01 for 1%.',
      });
  }
  if (cacheLimit !== null) whole('maxKeys', cacheLimit.maxKeys, 'The limit', ['key', 'keys']);
  return problems;
}
