/**
 * The failure-mode settings in the address, after the others:
 * `stampede=none|mutex|single-flight|xfetch|stale-while-revalidate` with the numbers of the kind
 * chosen (`lock=<ms>&retry=<ms>&retries=<n>`, `beta=<β>`, `stale=<s>`), `pen=none|null-caching|bloom-filter`
 * with its numbers (`nullttl=<s>`, `items=<n>&fp=<p>`), and `maxkeys=off|<n>` with `evict=<policy>`.
 * Only the chosen kind's numbers are written.
 */

import type { PenetrationProtection, Scenario, StampedeProtection } from '../../engine/index.ts';
import type { LinkReader } from './linkReader.ts';
import { wholeNumber } from './linkReader.ts';
import {
  DEFAULT_CACHE_LIMIT,
  EVICTION_CHOICES,
  PENETRATION_CHOICES,
  STAMPEDE_CHOICES,
  penetrationOfKind,
  protectionsOf,
  stampedeOfKind,
} from './protectionConfig.ts';
import type { Protections } from './protectionConfig.ts';

/** The parameters in the order they are written; which of them are written depends on the kinds. */
export const PROTECTION_PARAMS = [
  'stampede',
  'lock',
  'retry',
  'retries',
  'beta',
  'stale',
  'pen',
  'nullttl',
  'items',
  'fp',
  'maxkeys',
  'evict',
] as const;

export function protectionParams({ stampede, penetration, cacheLimit }: Protections): [string, string][] {
  const params: [string, string][] = [['stampede', stampede.kind]];
  if (stampede.kind === 'mutex')
    params.push(
      ['lock', String(stampede.lockTtlMs)],
      ['retry', String(stampede.retryDelayMs)],
      ['retries', String(stampede.maxRetries)],
    );
  else if (stampede.kind === 'xfetch') params.push(['beta', String(stampede.beta)]);
  else if (stampede.kind === 'stale-while-revalidate') params.push(['stale', String(stampede.staleSeconds)]);
  params.push(['pen', penetration.kind]);
  if (penetration.kind === 'null-caching') params.push(['nullttl', String(penetration.ttlSeconds)]);
  else if (penetration.kind === 'bloom-filter')
    params.push(['items', String(penetration.expectedItems)], ['fp', String(penetration.falsePositiveRate)]);
  params.push(['maxkeys', cacheLimit === null ? 'off' : String(cacheLimit.maxKeys)]);
  if (cacheLimit !== null) params.push(['evict', cacheLimit.policy]);
  return params;
}

/**
 * Reads the failure-mode settings. A number missing or unusable for the kind chosen falls back to
 * the scenario's own when it has that kind, else to the default the kind starts with.
 */
export function parseProtections(reader: LinkReader, base: Scenario): Protections {
  const own = protectionsOf(base);
  const seconds = 'a whole number of seconds';
  const ms = 'a whole number of milliseconds';

  const stampedeKind = reader.oneOf('stampede', own.stampede.kind, STAMPEDE_CHOICES, 'a stampede protection');
  const stampedeFallback = stampedeOfKind(stampedeKind, own.stampede);
  const stampedeSource = own.stampede.kind === stampedeKind ? 'own' : 'default';
  const stampede: StampedeProtection =
    stampedeFallback.kind === 'mutex'
      ? {
          kind: 'mutex',
          lockTtlMs: reader.number('lock', stampedeFallback.lockTtlMs, ms, stampedeSource),
          retryDelayMs: reader.number('retry', stampedeFallback.retryDelayMs, ms, stampedeSource),
          maxRetries: reader.number(
            'retries',
            stampedeFallback.maxRetries,
            'a whole number of retries',
            stampedeSource,
          ),
        }
      : stampedeFallback.kind === 'xfetch'
        ? {
            kind: 'xfetch',
            beta: reader.decimal('beta', stampedeFallback.beta, 'a number such as 1 or 0.5', stampedeSource),
          }
        : stampedeFallback.kind === 'stale-while-revalidate'
          ? {
              kind: 'stale-while-revalidate',
              staleSeconds: reader.number('stale', stampedeFallback.staleSeconds, seconds, stampedeSource),
            }
          : stampedeFallback;

  const penetrationKind = reader.oneOf(
    'pen',
    own.penetration.kind,
    PENETRATION_CHOICES,
    'a penetration protection',
  );
  const penetrationFallback = penetrationOfKind(penetrationKind, own.penetration, base);
  const penetrationSource = own.penetration.kind === penetrationKind ? 'own' : 'default';
  const penetration: PenetrationProtection =
    penetrationFallback.kind === 'null-caching'
      ? {
          kind: 'null-caching',
          ttlSeconds: reader.number('nullttl', penetrationFallback.ttlSeconds, seconds, penetrationSource),
        }
      : penetrationFallback.kind === 'bloom-filter'
        ? {
            kind: 'bloom-filter',
            expectedItems: reader.number(
              'items',
              penetrationFallback.expectedItems,
              'a whole number of keys',
              penetrationSource,
            ),
            falsePositiveRate: reader.decimal(
              'fp',
              penetrationFallback.falsePositiveRate,
              'a number such as 0.01',
              penetrationSource,
            ),
          }
        : penetrationFallback;

  const maxKeys = reader.take<number | null>(
    'maxkeys',
    own.cacheLimit?.maxKeys ?? null,
    (text) => (text === 'off' ? null : wholeNumber(text)),
    '\u201coff\u201d or a whole number of keys',
    own.cacheLimit === null ? 'off' : String(own.cacheLimit.maxKeys),
  );
  const cacheLimit =
    maxKeys === null
      ? null
      : {
          maxKeys,
          policy: reader.oneOf(
            'evict',
            (own.cacheLimit ?? DEFAULT_CACHE_LIMIT).policy,
            EVICTION_CHOICES,
            'a Redis eviction policy',
            own.cacheLimit === null ? 'default' : 'own',
          ),
        };
  return { stampede, penetration, cacheLimit };
}
