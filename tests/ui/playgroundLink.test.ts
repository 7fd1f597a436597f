import { describe, expect, it } from 'vitest';
import { REDIS_POLICIES } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarios } from '../../src/content/index.ts';
import {
  CONFIG_PARAMS,
  configParams,
  configSearch,
  parseConfig,
} from '../../src/ui/playground/configLink.ts';
import { configOf } from '../../src/ui/playground/playgroundConfig.ts';
import { EVICTION_CHOICES } from '../../src/ui/playground/protectionConfig.ts';
import type { PlaygroundConfig } from '../../src/ui/playground/playgroundConfig.ts';

function scenario(id: string): Scenario {
  const found = getScenario(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

const RACE = scenario('stale-overwrite-race');
const parse = (query: string) => parseConfig(new URLSearchParams(query), scenarios);
const withConfig = (base: Scenario, change: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...configOf(base),
  ...change,
});

/** Every kind of each failure-mode setting, with numbers of every shape the address writes. */
const PROTECTION_CHANGES: Partial<PlaygroundConfig>[] = [
  { stampede: { kind: 'mutex', lockTtlMs: 60, retryDelayMs: 7, maxRetries: 0 } },
  { stampede: { kind: 'single-flight' }, penetration: { kind: 'null-caching', ttlSeconds: 9 } },
  { stampede: { kind: 'xfetch', beta: 0.5 }, cacheLimit: { maxKeys: 1, policy: 'volatile-ttl' } },
  { stampede: { kind: 'stale-while-revalidate', staleSeconds: 3 } },
  {
    penetration: { kind: 'bloom-filter', expectedItems: 1000, falsePositiveRate: 0.001 },
    cacheLimit: { maxKeys: 100, policy: 'noeviction' },
  },
  // Out of range, but a number: kept, and refused next to its control (configProblems).
  { stampede: { kind: 'xfetch', beta: 0 }, cacheLimit: { maxKeys: 0, policy: 'allkeys-lfu' } },
];

describe('a configuration in the address', () => {
  it('writes every parameter, in a fixed order', () => {
    expect(configSearch(configOf(RACE))).toBe(
      'from=stale-overwrite-race&clients=2&nodes=2&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory&stampede=none&pen=none&maxkeys=off',
    );
    const everyNumber = withConfig(RACE, {
      stampede: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 5 },
      penetration: { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 0.01 },
      cacheLimit: { maxKeys: 2, policy: 'allkeys-lru' },
    });
    expect(configSearch(everyNumber)).toContain(
      'sessions=node-memory&stampede=mutex&lock=500&retry=60&retries=5&pen=bloom-filter&items=10&fp=0.01&maxkeys=2&evict=allkeys-lru',
    );
    // The names come in CONFIG_PARAMS' order; only the chosen kinds' numbers are written.
    const names = configParams(everyNumber).map(([name]) => name);
    expect(names).toEqual(CONFIG_PARAMS.filter((name) => names.includes(name)));
    expect(names).not.toContain('beta');
  });

  it('reads back what it writes, for every scenario and for changed settings', () => {
    const configs = [
      ...scenarios.map(configOf),
      withConfig(RACE, { clients: 5, nodes: 4, balancer: 'sticky', l1Seconds: 12, raceFix: 'lease' }),
      withConfig(RACE, { read: 'read-through', write: 'write-behind', ttlSeconds: 600, jitterSeconds: 9 }),
      withConfig(RACE, { invalidation: 'pubsub', sessions: 'redis-hash', clients: 0, nodes: 99 }),
      ...PROTECTION_CHANGES.map((change) => withConfig(RACE, change)),
    ];
    for (const config of configs) {
      const parsed = parse(configSearch(config));
      expect(parsed).toMatchObject({ config, problems: [], complete: true });
    }
  });

  it('takes the first scenario\u2019s own settings from an empty address, and asks for a full rewrite', () => {
    const parsed = parse('');
    expect(parsed.config).toEqual(configOf(scenarios[0]!));
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(false);
  });

  it('fills a missing parameter from the base scenario silently', () => {
    const parsed = parse('from=coherence-pubsub&nodes=3');
    expect(parsed.config).toEqual(withConfig(scenario('coherence-pubsub'), { nodes: 3 }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(false);
  });

  it('names an unknown scenario and starts from the first one', () => {
    const parsed = parse('from=nope&clients=1');
    expect(parsed.base.id).toBe(scenarios[0]!.id);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        param: 'from',
        value: 'nope',
        message: expect.stringContaining('\u201cnope\u201d, which is not a scenario'),
      }),
    ]);
  });

  it.each([
    [
      'clients',
      'two',
      'is not a whole number of clients. Using 2, the scenario\u2019s own, instead.',
      'clients',
      2,
    ],
    ['nodes', '-1', 'is not a whole number of app nodes', 'nodes', 2],
    [
      'lb',
      'random',
      'is not a load balancer policy (none, round-robin, sticky, least-connections)',
      'balancer',
      'none',
    ],
    ['l1', 'on', 'is not \u201coff\u201d or a whole number of seconds. Using off', 'l1Seconds', null],
    ['read', 'write-through', 'is not a read path (cache-aside, read-through)', 'read', 'cache-aside'],
    ['write', 'later', 'is not a write path', 'write', 'after-commit'],
    ['ttl', '1.5', 'is not a whole number of seconds. Using 30', 'ttlSeconds', 30],
    ['jitter', '', 'is not a whole number of seconds. Using 0', 'jitterSeconds', 0],
    [
      'inv',
      'kafka',
      'is not an invalidation (none, pubsub, versioned-keys, publish-after-commit, outbox)',
      'invalidation',
      'none',
    ],
    ['fix', 'lock', 'is not a race fix (none, version-cas, double-delete, lease)', 'raceFix', 'none'],
    ['sessions', 'disk', 'is not a session store (node-memory, redis-hash)', 'sessions', 'node-memory'],
    ['ttl', '1234567', 'is not a whole number of seconds', 'ttlSeconds', 30],
    [
      'stampede',
      'lock',
      'is not a stampede protection (none, mutex, single-flight, xfetch, stale-while-revalidate). Using none, the scenario\u2019s own',
      'stampede',
      { kind: 'none' },
    ],
    [
      'pen',
      'bloom',
      'is not a penetration protection (none, null-caching, bloom-filter). Using none',
      'penetration',
      { kind: 'none' },
    ],
    ['maxkeys', 'many', 'is not \u201coff\u201d or a whole number of keys. Using off', 'cacheLimit', null],
  ] as const)(
    'refuses %s=%j in words and uses the base\u2019s value',
    (param, value, words, setting, fallback) => {
      const parsed = parse(`from=stale-overwrite-race&${param}=${encodeURIComponent(value)}`);
      expect(parsed.config[setting]).toEqual(fallback);
      expect(parsed.complete).toBe(false);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ param, value });
      expect(parsed.problems[0]?.message).toContain(words);
    },
  );

  it.each([
    // The scenario's own kind: its own numbers stand in.
    [
      'from=stampede-mutex&stampede=mutex&lock=soon&retry=60&retries=5',
      'The link\u2019s lock \u201csoon\u201d is not a whole number of milliseconds. Using 500, the scenario\u2019s own, instead.',
      { stampede: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 5 } },
    ],
    // Another kind: the numbers it starts with stand in.
    [
      'from=stale-overwrite-race&stampede=xfetch&beta=-1',
      'The link\u2019s beta \u201c-1\u201d is not a number such as 1 or 0.5. Using 1, the default, instead.',
      { stampede: { kind: 'xfetch', beta: 1 } },
    ],
    [
      'from=stale-overwrite-race&stampede=stale-while-revalidate&stale=2s',
      'The link\u2019s stale \u201c2s\u201d is not a whole number of seconds. Using 2, the default, instead.',
      { stampede: { kind: 'stale-while-revalidate', staleSeconds: 2 } },
    ],
    [
      'from=penetration-null-caching&pen=null-caching&nullttl=0.5',
      'The link\u2019s nullttl \u201c0.5\u201d is not a whole number of seconds. Using 5, the scenario\u2019s own, instead.',
      { penetration: { kind: 'null-caching', ttlSeconds: 5 } },
    ],
    [
      // The filter starts sized for the database's rows: this one has 10.
      'from=penetration-unprotected&pen=bloom-filter&items=10&fp=1%25',
      'The link\u2019s fp \u201c1%\u201d is not a number such as 0.01. Using 0.01, the default, instead.',
      { penetration: { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 0.01 } },
    ],
    [
      'from=stale-overwrite-race&maxkeys=3&evict=lru',
      'The link\u2019s evict \u201clru\u201d is not a Redis eviction policy (noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random, volatile-ttl). Using allkeys-lru, the default, instead.',
      { cacheLimit: { maxKeys: 3, policy: 'allkeys-lru' } },
    ],
  ] as const)('refuses a bad number of the kind chosen in words: %s', (query, message, change) => {
    const parsed = parse(query);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([message]);
    expect(parsed.config).toMatchObject(change);
    expect(parsed.complete).toBe(false);
    // Nothing else is lost: every other setting is the scenario's own.
    expect(parsed.config).toEqual({ ...configOf(parsed.base), ...change });
  });

  it('fills a missing number of the kind chosen silently, and drops the numbers of a kind not chosen', () => {
    const missing = parse('from=stale-overwrite-race&stampede=mutex&lock=100');
    expect(missing.problems).toEqual([]);
    expect(missing.complete).toBe(false);
    expect(missing.config.stampede).toEqual({
      kind: 'mutex',
      lockTtlMs: 100,
      retryDelayMs: 60,
      maxRetries: 5,
    });

    const full = configSearch(withConfig(RACE, {}));
    expect(parse(full).complete).toBe(true);
    const extra = parse(`${full}&beta=2&evict=noeviction`);
    expect(extra.problems).toEqual([]);
    expect(extra.config).toEqual(configOf(RACE));
    expect(extra.complete).toBe(false);
  });

  it('offers Redis\u2019s policies, and only those', () => {
    expect(EVICTION_CHOICES.map((choice) => choice.value).sort()).toEqual([...REDIS_POLICIES].sort());
  });
});
