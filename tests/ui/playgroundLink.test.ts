import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarios } from '../../src/content/index.ts';
import {
  CONFIG_PARAMS,
  configParams,
  configSearch,
  parseConfig,
} from '../../src/ui/playground/configLink.ts';
import { configOf } from '../../src/ui/playground/playgroundConfig.ts';
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

describe('a configuration in the address', () => {
  it('writes every parameter, in a fixed order', () => {
    expect(configSearch(configOf(RACE))).toBe(
      'from=stale-overwrite-race&clients=2&nodes=2&lb=none&l1=off&read=cache-aside&write=after-commit&ttl=30&jitter=0&inv=none&fix=none&sessions=node-memory',
    );
    expect(configParams(configOf(RACE)).map(([name]) => name)).toEqual([...CONFIG_PARAMS]);
  });

  it('reads back what it writes, for every scenario and for changed settings', () => {
    const configs = [
      ...scenarios.map(configOf),
      withConfig(RACE, { clients: 5, nodes: 4, balancer: 'sticky', l1Seconds: 12, raceFix: 'lease' }),
      withConfig(RACE, { read: 'read-through', write: 'write-behind', ttlSeconds: 600, jitterSeconds: 9 }),
      withConfig(RACE, { invalidation: 'pubsub', sessions: 'redis-hash', clients: 0, nodes: 99 }),
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
  ] as const)(
    'refuses %s=%j in words and uses the base\u2019s value',
    (param, value, words, setting, fallback) => {
      const parsed = parse(`from=stale-overwrite-race&${param}=${encodeURIComponent(value)}`);
      expect(parsed.config[setting]).toBe(fallback);
      expect(parsed.complete).toBe(false);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ param, value });
      expect(parsed.problems[0]?.message).toContain(words);
    },
  );
});
