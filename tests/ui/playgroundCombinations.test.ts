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

/**
 * Every combination of the settings chosen from a list, for one scenario of each lesson group: what
 * `configProblems` accepts must run; what it refuses must say why, next to a control. This is how
 * the refusals were found: run everything, read what fails or teaches something false.
 */
const BASES = [
  'cache-aside-wrong-order',
  'sessions-redis',
  'chat-fanout',
  'write-behind',
  'coherence-pubsub',
  'duplicate-delivery',
  'stale-overwrite-race',
  'penetration-null-caching',
  'avalanche-jitter',
  'stampede-mutex',
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

  it('refuses what the engine would refuse: events without a broker', () => {
    const scenario = base('stale-overwrite-race');
    const config = { ...configOf(scenario), invalidation: 'outbox' as const };
    expect(() => runScenario(buildScenario(scenario, config), { seed: 1, record: 'metrics' })).toThrow(
      /broker/,
    );
    expect(configProblems(scenario, config)).toHaveLength(1);
  });
});
