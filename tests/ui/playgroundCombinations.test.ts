import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarioGroups } from '../../src/content/index.ts';
import { buildScenario } from '../../src/ui/playground/buildScenario.ts';
import { configProblems } from '../../src/ui/playground/configProblems.ts';
import {
  BALANCER_CHOICES,
  INVALIDATION_CHOICES,
  LIMITS,
  RACE_FIX_CHOICES,
  READ_CHOICES,
  SESSION_CHOICES,
  WRITE_CHOICES,
  configOf,
  fewestClients,
} from '../../src/ui/playground/playgroundConfig.ts';
import type { PlaygroundConfig } from '../../src/ui/playground/playgroundConfig.ts';
import {
  EVICTION_CHOICES,
  PENETRATION_CHOICES,
  PROTECTION_LIMITS,
  STAMPEDE_CHOICES,
  penetrationOfKind,
  stampedeOfKind,
} from '../../src/ui/playground/protectionConfig.ts';

/**
 * Every combination of the settings chosen from a list, for one scenario of each lesson group: what
 * `configProblems` accepts must run; what it refuses must say why, next to a control. This is how
 * the refusals were found: run everything, read what fails or teaches something false.
 */
const BASES = [
  'why-cache-hit-ratio',
  'cache-aside-wrong-order',
  'noeviction-oom',
  'sessions-redis',
  'chat-fanout',
  'write-behind',
  'coherence-pubsub',
  'duplicate-delivery',
  'stale-overwrite-race',
  'penetration-null-caching',
  'avalanche-jitter',
  'stampede-mutex',
  'production-partition',
];

function base(id: string): Scenario {
  const found = getScenario(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

/** Every listed choice at the scenario's own size, the smallest, and the largest (with jitter). */
function* strategyCombinations(scenario: Scenario, own: PlaygroundConfig): Generator<PlaygroundConfig> {
  const sizes = [
    { clients: own.clients, nodes: own.nodes, jitterSeconds: 0 },
    { clients: fewestClients(scenario), nodes: LIMITS.nodes.min, jitterSeconds: 0 },
    { clients: LIMITS.clients.max, nodes: LIMITS.nodes.max, jitterSeconds: 5 },
  ];
  for (const size of sizes) for (const config of choiceCombinations(own)) yield { ...config, ...size };
}

function* choiceCombinations(own: PlaygroundConfig): Generator<PlaygroundConfig> {
  for (const { value: balancer } of BALANCER_CHOICES)
    for (const l1Seconds of [null, 10])
      for (const { value: read } of READ_CHOICES)
        for (const { value: write } of WRITE_CHOICES)
          for (const { value: invalidation } of INVALIDATION_CHOICES)
            for (const { value: raceFix } of RACE_FIX_CHOICES)
              for (const { value: sessions } of SESSION_CHOICES)
                yield { ...own, balancer, l1Seconds, read, write, invalidation, raceFix, sessions };
}

/** Every client and node count around the limits, with and without a balancer and local caches. */
function* topologyCombinations(scenario: Scenario, own: PlaygroundConfig): Generator<PlaygroundConfig> {
  for (let clients = fewestClients(scenario) - 1; clients <= LIMITS.clients.max + 1; clients++)
    for (let nodes = LIMITS.nodes.min - 1; nodes <= LIMITS.nodes.max + 1; nodes++)
      for (const { value: balancer } of BALANCER_CHOICES)
        for (const l1Seconds of [null, 10]) yield { ...own, clients, nodes, balancer, l1Seconds };
}

/** Every stampede and penetration kind (with the numbers it starts with) against the strategy choices. */
function* protectionCombinations(scenario: Scenario, own: PlaygroundConfig): Generator<PlaygroundConfig> {
  for (const { value: stampede } of STAMPEDE_CHOICES)
    for (const { value: penetration } of PENETRATION_CHOICES)
      for (const l1Seconds of [null, 10])
        for (const { value: read } of READ_CHOICES)
          for (const { value: write } of WRITE_CHOICES)
            for (const { value: invalidation } of INVALIDATION_CHOICES)
              for (const { value: raceFix } of RACE_FIX_CHOICES)
                yield {
                  ...own,
                  stampede: stampedeOfKind(stampede, own.stampede),
                  penetration: penetrationOfKind(penetration, own.penetration, scenario),
                  l1Seconds,
                  read,
                  write,
                  invalidation,
                  raceFix,
                };
}

/** No limit, and every policy at one key and at a few, against the protections and the paths. */
function* limitCombinations(scenario: Scenario, own: PlaygroundConfig): Generator<PlaygroundConfig> {
  const limits = [
    null,
    ...EVICTION_CHOICES.flatMap(({ value: policy }) => [1, 3].map((maxKeys) => ({ maxKeys, policy }))),
  ];
  for (const cacheLimit of limits)
    for (const { value: stampede } of STAMPEDE_CHOICES)
      for (const { value: penetration } of PENETRATION_CHOICES)
        for (const { value: read } of READ_CHOICES)
          for (const { value: write } of WRITE_CHOICES)
            yield {
              ...own,
              cacheLimit,
              stampede: stampedeOfKind(stampede, own.stampede),
              penetration: penetrationOfKind(penetration, own.penetration, scenario),
              read,
              write,
            };
}

/** Each protection number just outside, at and inside its bounds. */
function* protectionNumbers(own: PlaygroundConfig): Generator<PlaygroundConfig> {
  const edges = ({ min, max }: { min: number; max: number }) => [min - 1, min, max, max + 1];
  const cacheAside = { ...own, read: 'cache-aside' as const };
  for (const lockTtlMs of edges(PROTECTION_LIMITS.lockTtlMs))
    for (const retryDelayMs of edges(PROTECTION_LIMITS.retryDelayMs))
      for (const maxRetries of edges(PROTECTION_LIMITS.maxRetries))
        yield { ...cacheAside, stampede: { kind: 'mutex', lockTtlMs, retryDelayMs, maxRetries } };
  for (const beta of [0, 0.1, 1, PROTECTION_LIMITS.beta.max, PROTECTION_LIMITS.beta.max + 0.5])
    yield { ...cacheAside, stampede: { kind: 'xfetch', beta } };
  for (const staleSeconds of edges(PROTECTION_LIMITS.staleSeconds))
    yield { ...cacheAside, stampede: { kind: 'stale-while-revalidate', staleSeconds } };
  for (const ttlSeconds of edges(PROTECTION_LIMITS.nullTtlSeconds))
    yield { ...cacheAside, penetration: { kind: 'null-caching', ttlSeconds } };
  for (const expectedItems of edges(PROTECTION_LIMITS.bloomItems))
    for (const falsePositiveRate of [0, 0.000001, 0.01, 0.5, 0.999999, 1, 1.5])
      yield { ...cacheAside, penetration: { kind: 'bloom-filter', expectedItems, falsePositiveRate } };
  for (const maxKeys of edges(PROTECTION_LIMITS.maxKeys))
    yield { ...own, cacheLimit: { maxKeys, policy: 'allkeys-lru' } };
}

/** Runs what is accepted; returns how many were accepted and refused. */
function check(scenario: Scenario, configs: Iterable<PlaygroundConfig>) {
  let accepted = 0;
  let refused = 0;
  for (const config of configs) {
    const problems = configProblems(scenario, config);
    if (problems.length === 0) {
      accepted++;
      const built = buildScenario(scenario, config);
      expect(() => runScenario(built, { seed: 1, record: 'metrics' }), JSON.stringify(config)).not.toThrow();
    } else {
      refused++;
      for (const problem of problems) {
        expect(problem.controls.length, problem.message).toBeGreaterThan(0);
        expect(problem.message.length).toBeGreaterThan(20);
      }
    }
  }
  return { accepted, refused };
}

describe('every combination of the Playground\u2019s settings', () => {
  it('covers every lesson group', () => {
    const covered = new Set(
      scenarioGroups
        .filter((group) => group.scenarios.some((s) => BASES.includes(s.id)))
        .map((g) => g.lessonId),
    );
    expect([...covered]).toEqual(scenarioGroups.map((group) => group.lessonId));
  });

  it.each(BASES)('from %s: each strategy combination runs or is refused in words', (id) => {
    const scenario = base(id);
    const { accepted, refused } = check(scenario, strategyCombinations(scenario, configOf(scenario)));
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(0);
  });

  it.each(BASES)('from %s: each topology runs or is refused in words', (id) => {
    const scenario = base(id);
    const { accepted, refused } = check(scenario, topologyCombinations(scenario, configOf(scenario)));
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(0);
  });

  it.each(BASES)('from %s: each protection and cache limit runs or is refused in words', (id) => {
    const scenario = base(id);
    const own = configOf(scenario);
    for (const configs of [protectionCombinations, limitCombinations]) {
      const { accepted, refused } = check(scenario, configs(scenario, own));
      expect(accepted).toBeGreaterThan(100);
      expect(refused).toBeGreaterThan(0);
    }
    const { accepted, refused } = check(scenario, protectionNumbers(own));
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('refuses what the engine would refuse: events without a broker', () => {
    const scenario = base('stale-overwrite-race');
    const config = { ...configOf(scenario), invalidation: 'outbox' as const };
    expect(() => runScenario(buildScenario(scenario, config), { seed: 1, record: 'metrics' })).toThrow(
      /broker/,
    );
    expect(configProblems(scenario, config)).toHaveLength(1);
  });

  it('refuses what the engine would refuse: a protection that acts where the app node loads, with read-through', () => {
    const scenario = base('stampede-mutex');
    for (const change of [
      { read: 'read-through' as const },
      {
        read: 'read-through' as const,
        stampede: { kind: 'none' as const },
        penetration: { kind: 'null-caching' as const, ttlSeconds: 5 },
      },
    ]) {
      const config = { ...configOf(scenario), ...change };
      expect(() => runScenario(buildScenario(scenario, config), { seed: 1, record: 'metrics' })).toThrow(
        /cache-aside reads/,
      );
      expect(configProblems(scenario, config).map((problem) => problem.controls)).toEqual([
        [change.stampede === undefined ? 'stampede' : 'penetration', 'read'],
      ]);
    }
  });
});
