import { describe, expect, it } from 'vitest';
import { LOAD_BALANCER_ID, runScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarios } from '../../src/content/index.ts';
import { COPY_OFFSET_MS } from '../../src/ui/playground/buildTopology.ts';
import { buildScenario, droppedFaults } from '../../src/ui/playground/buildScenario.ts';
import { configSearch } from '../../src/ui/playground/configLink.ts';
import { configHints } from '../../src/ui/playground/configHints.ts';
import { configProblems } from '../../src/ui/playground/configProblems.ts';
import { configOf, fewestClients } from '../../src/ui/playground/playgroundConfig.ts';
import { bloomSummary, percent } from '../../src/ui/playground/protectionHints.ts';
import type { PlaygroundConfig } from '../../src/ui/playground/playgroundConfig.ts';

function scenario(id: string): Scenario {
  const found = getScenario(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

const RACE = scenario('stale-overwrite-race');
const withConfig = (base: Scenario, change: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...configOf(base),
  ...change,
});

describe('building a scenario from a configuration', () => {
  it('rebuilds a scenario\u2019s own run from its own settings', () => {
    for (const base of scenarios) {
      const built = buildScenario(base, configOf(base));
      const own = runScenario(base, { seed: 1, record: 'frames' });
      const again = runScenario(built, { seed: 1, record: 'frames' });
      expect(
        again.frames.map((frame) => frame.narration),
        base.id,
      ).toEqual(own.frames.map((frame) => frame.narration));
      expect(again.anomalies, base.id).toEqual(own.anomalies);
    }
  });

  it('names the run after its configuration, so no two configurations share a remembered run', () => {
    const a = buildScenario(RACE, configOf(RACE));
    const b = buildScenario(RACE, withConfig(RACE, { ttlSeconds: 31 }));
    expect(a.id).toBe(`playground?${configSearch(configOf(RACE))}`);
    expect(a.id).not.toBe(b.id);
  });

  it('gives extra clients a copy of the scripted clients\u2019 operations, a few ms later each, after the base script', () => {
    const built = buildScenario(RACE, withConfig(RACE, { clients: 4 }));
    expect(built.clients.map((c) => [c.id, c.label, c.server])).toEqual([
      ['alice', 'Alice', 'node-a'],
      ['bob', 'Bob', 'node-b'],
      ['alice-2', 'Alice 2', 'node-a'],
      ['bob-2', 'Bob 2', 'node-b'],
    ]);
    // The base's request ids keep their meaning: its operations come first.
    expect(built.script.slice(0, RACE.script.length)).toEqual(RACE.script);
    expect(built.script.slice(RACE.script.length)).toEqual([
      { ...RACE.script[1], client: 'alice-2', atMs: 40 + COPY_OFFSET_MS },
      { ...RACE.script[2], client: 'alice-2', atMs: 300 + COPY_OFFSET_MS },
      { ...RACE.script[0], client: 'bob-2', atMs: 2 * COPY_OFFSET_MS },
    ]);
    // A copy keeps its source's links.
    expect(built.network.links).toContainEqual({
      a: 'bob-2',
      b: 'node-b',
      latency: { minMs: 10, maxMs: 10 },
    });
    // Without a balancer, a third client goes to the nodes in turn, with its source's internet latency.
    const three = buildScenario(RACE, withConfig(RACE, { clients: 3, nodes: 3 }));
    expect(three.clients[2]).toEqual({ id: 'alice-2', label: 'Alice 2', server: 'node-c' });
    expect(three.network.links).toContainEqual({
      a: 'alice-2',
      b: 'node-c',
      latency: { minMs: 10, maxMs: 10 },
    });
  });

  it('names extra nodes after the base\u2019s pattern and copies their links in turn', () => {
    const built = buildScenario(RACE, withConfig(RACE, { nodes: 4 }));
    expect(built.appNodes).toEqual([
      { id: 'node-a', label: 'Node A' },
      { id: 'node-b', label: 'Node B' },
      { id: 'node-c', label: 'Node C' },
      { id: 'node-d', label: 'Node D' },
    ]);
    expect(built.network.links).toContainEqual({ a: 'node-d', b: 'db', latency: { minMs: 30, maxMs: 30 } });
    const single = buildScenario(
      scenario('cache-aside-read'),
      withConfig(scenario('cache-aside-read'), { nodes: 3 }),
    );
    expect(single.appNodes.map((node) => node.label)).toEqual(['App server', 'App server 2', 'App server 3']);
    const events = scenario('duplicate-delivery');
    expect(buildScenario(events, withConfig(events, { nodes: 3 })).appNodes[2]).toEqual({
      id: 'app-c',
      label: 'App node C',
    });
  });

  it('drops the links and faults of a node that is left out, and moves its client', () => {
    const base = scenario('sessions-sticky-crash');
    const built = buildScenario(base, withConfig(base, { nodes: 1, balancer: 'none' }));
    expect(built.loadBalancer).toBeUndefined();
    expect(built.clients).toEqual([{ id: 'alice', label: 'Alice', server: 'app-a' }]);
    expect(built.network.links?.some((link) => [link.a, link.b].includes('app-b'))).toBe(false);
    // Alice's internet link to the balancer becomes her link to her node.
    expect(built.network.links).toContainEqual({ a: 'alice', b: 'app-a', latency: { minMs: 10, maxMs: 20 } });
    const race = buildScenario(
      scenario('sessions-redis'),
      withConfig(scenario('sessions-redis'), { nodes: 1 }),
    );
    expect(race.faults).toEqual(scenario('sessions-redis').faults);
    const chat = scenario('chat-fanout');
    const fewer = buildScenario(chat, withConfig(chat, { nodes: 2 }));
    expect(droppedFaults(chat, fewer).map(({ fault }) => fault)).toEqual([
      { kind: 'crash', node: 'app-c' },
      { kind: 'restart', node: 'app-c' },
    ]);
  });

  it('puts every client behind a load balancer when one is chosen', () => {
    const built = buildScenario(RACE, withConfig(RACE, { balancer: 'least-connections', clients: 3 }));
    expect(built.loadBalancer).toEqual({ policy: 'least-connections' });
    expect(built.clients.every((client) => client.server === LOAD_BALANCER_ID)).toBe(true);
    expect(built.network.links).toContainEqual({
      a: 'alice',
      b: LOAD_BALANCER_ID,
      latency: { minMs: 10, maxMs: 10 },
    });
  });

  it('keeps the base\u2019s strategy details, or uses stated defaults', () => {
    const behind = scenario('write-behind');
    expect(buildScenario(behind, configOf(behind)).strategy.write).toEqual(behind.strategy.write);
    const strategy = buildScenario(
      RACE,
      withConfig(RACE, {
        write: 'write-behind',
        invalidation: 'pubsub',
        raceFix: 'double-delete',
        sessions: 'redis-hash',
        l1Seconds: 7,
        jitterSeconds: 3,
      }),
    ).strategy;
    expect(strategy).toEqual({
      read: 'cache-aside',
      write: { kind: 'write-behind', flushIntervalMs: 100, batchSize: 10 },
      ttlSeconds: 30,
      ttlJitterSeconds: 3,
      invalidation: { kind: 'pubsub', channel: 'invalidate', timestampCheck: true, ignoreOwn: false },
      localCache: { kind: 'l1', ttlSeconds: 7 },
      raceFix: { kind: 'delayed-double-delete', delayMs: 100 },
      sessions: { kind: 'redis-hash', slidingTtlSeconds: 1800 },
      stampede: { kind: 'none' },
      penetration: { kind: 'none' },
    });
  });

  it('runs the protections and the cache limit chosen', () => {
    const base = scenario('stampede-unprotected');
    const built = buildScenario(
      base,
      withConfig(base, {
        stampede: { kind: 'mutex', lockTtlMs: 60, retryDelayMs: 60, maxRetries: 5 },
        penetration: { kind: 'null-caching', ttlSeconds: 5 },
        cacheLimit: { maxKeys: 3, policy: 'allkeys-lfu' },
      }),
    );
    expect(built.strategy.stampede).toEqual({
      kind: 'mutex',
      lockTtlMs: 60,
      retryDelayMs: 60,
      maxRetries: 5,
    });
    expect(built.strategy.penetration).toEqual({ kind: 'null-caching', ttlSeconds: 5 });
    expect(built.cache).toEqual({ ...base.cache, limit: { maxKeys: 3, policy: 'allkeys-lfu' } });
    expect(runScenario(built, { seed: 1, record: 'metrics' }).totals.dbReads).toBe(2);
    expect(buildScenario(base, configOf(base)).cache.limit).toBeUndefined();
  });

  it('keeps the broker only for event-driven invalidation, and leaves out faults on actors that are gone', () => {
    const base = scenario('outbox-after-restart');
    const pubsub = buildScenario(base, withConfig(base, { invalidation: 'pubsub', l1Seconds: 10 }));
    expect(pubsub.events).toBeUndefined();
    expect(pubsub.faults?.map(({ fault }) => fault)).toEqual([
      { kind: 'crash', node: 'app-a' },
      { kind: 'restart', node: 'app-a' },
    ]);
    expect(buildScenario(base, configOf(base)).events).toEqual(base.events);
  });
});

describe('impossible combinations', () => {
  const messagesFor = (base: Scenario, change: Partial<PlaygroundConfig>) =>
    configProblems(base, withConfig(base, change)).map((problem) => [problem.controls, problem.message]);

  it('accepts every scenario\u2019s own settings', () => {
    for (const base of scenarios) expect(configProblems(base, configOf(base)), base.id).toEqual([]);
  });

  it('keeps the clients the script uses', () => {
    expect(fewestClients(RACE)).toBe(2);
    expect(messagesFor(RACE, { clients: 1 })).toEqual([
      [['clients'], 'This scenario\u2019s script uses 2 clients (Alice and Bob): keep at least 2.'],
    ]);
    // Carol only listens: she may go.
    expect(messagesFor(scenario('chat-fanout'), { clients: 2, balancer: 'none' })).toEqual([]);
  });

  it.each([
    [{ clients: 7 }, 'clients', 'at most 6 clients'],
    [{ nodes: 0 }, 'nodes', 'from 1 to 5 app nodes'],
    [{ nodes: 6 }, 'nodes', 'from 1 to 5 app nodes'],
    [{ ttlSeconds: 0 }, 'ttlSeconds', 'The TTL must be at least 1 second'],
    [{ ttlSeconds: 86_401 }, 'ttlSeconds', 'at most 86400 seconds'],
    [{ l1Seconds: 0 }, 'l1Seconds', 'The local cache TTL must be at least 1 second'],
  ] as const)('refuses %j next to the %s control', (change, control, words) => {
    const problems = configProblems(RACE, withConfig(RACE, change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.controls).toEqual([control]);
    expect(problems[0]?.message).toContain(words);
  });

  it.each([
    [{ invalidation: 'outbox' }, ['invalidation'], 'Events need a broker'],
    [{ invalidation: 'pubsub' }, ['invalidation', 'l1'], 'there are none'],
    [
      { invalidation: 'versioned-keys', write: 'write-through' },
      ['invalidation', 'write'],
      'only it moves readers',
    ],
    [
      { invalidation: 'versioned-keys', read: 'read-through' },
      ['invalidation', 'read'],
      'no row by that name',
    ],
    [{ invalidation: 'versioned-keys', raceFix: 'lease' }, ['raceFix', 'invalidation'], 'nothing to fix'],
    [
      { write: 'write-behind', invalidation: 'pubsub', l1Seconds: 5 },
      ['write', 'invalidation'],
      'No app node commits',
    ],
    [
      { write: 'write-behind', raceFix: 'double-delete' },
      ['write', 'raceFix'],
      'write-behind never deletes it',
    ],
    [{ raceFix: 'lease', read: 'read-through' }, ['raceFix', 'read'], 'the cache fills itself'],
  ] as const)('refuses %j, naming the controls that can fix it', (change, controls, words) => {
    const problems = configProblems(RACE, withConfig(RACE, change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.controls).toEqual(controls);
    expect(problems[0]?.message).toContain(words);
  });

  it.each([
    [
      { read: 'read-through', stampede: { kind: 'xfetch', beta: 1 } },
      ['stampede', 'read'],
      '\u201cRecompute early (XFetch)\u201d works where the app node loads rows',
    ],
    [
      { read: 'read-through', penetration: { kind: 'null-caching', ttlSeconds: 5 } },
      ['penetration', 'read'],
      'no marker would ever be stored',
    ],
    [
      { raceFix: 'version-cas', stampede: { kind: 'stale-while-revalidate', staleSeconds: 2 } },
      ['stampede', 'raceFix'],
      'every refresh would be refused',
    ],
    [
      { invalidation: 'versioned-keys', penetration: { kind: 'null-caching', ttlSeconds: 5 } },
      ['penetration', 'invalidation'],
      'the \u201cnot found\u201d marker is never read',
    ],
  ] as const)('refuses the protection pair %j, naming both controls', (change, controls, words) => {
    const problems = configProblems(RACE, withConfig(RACE, change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.controls).toEqual(controls);
    expect(problems[0]?.message).toContain(words);
  });

  it.each([
    [
      { stampede: { kind: 'mutex', lockTtlMs: 0, retryDelayMs: 60, maxRetries: 5 } },
      'lockTtlMs',
      'The lock TTL must be at least 1 ms.',
    ],
    [
      { stampede: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 11 } },
      'maxRetries',
      'The number of retries must be at most 10.',
    ],
    [{ stampede: { kind: 'xfetch', beta: 0 } }, 'beta', '\u03b2 must be above 0 and at most 10'],
    [
      { stampede: { kind: 'stale-while-revalidate', staleSeconds: 0 } },
      'staleSeconds',
      'The stale window must be at least 1 second.',
    ],
    [
      { penetration: { kind: 'null-caching', ttlSeconds: 0 } },
      'nullTtlSeconds',
      'TTL must be at least 1 second.',
    ],
    [
      { penetration: { kind: 'bloom-filter', expectedItems: 0, falsePositiveRate: 0.01 } },
      'bloomItems',
      'must be at least 1.',
    ],
    [
      { penetration: { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 1 } },
      'bloomRate',
      'above 0 and below 1',
    ],
    [{ cacheLimit: { maxKeys: 0, policy: 'noeviction' } }, 'maxKeys', 'The limit must be at least 1 key.'],
    [{ cacheLimit: { maxKeys: 100_001, policy: 'noeviction' } }, 'maxKeys', 'at most 100000 keys'],
  ] as const)('refuses the number in %j next to the %s control', (change, control, words) => {
    const problems = configProblems(RACE, withConfig(RACE, change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.controls).toEqual([control]);
    expect(problems[0]?.message).toContain(words);
  });

  it('refuses event-driven pairs that would do nothing', () => {
    const events = scenario('duplicate-delivery');
    expect(messagesFor(events, { write: 'write-through' })[0]?.[1]).toContain('act exactly like');
    expect(messagesFor(events, { write: 'before-commit' })[0]?.[1]).toContain('no event would ever go out');
    expect(messagesFor(events, { invalidation: 'publish-after-commit', write: 'before-commit' })).toEqual([]);
  });

  it('refuses a balancer in front of chat', () => {
    expect(messagesFor(scenario('chat-fanout'), { balancer: 'round-robin' })[0]).toEqual([
      ['balancer'],
      expect.stringContaining('nobody would receive a message'),
    ]);
  });
});

describe('the hints under the controls', () => {
  const hintsFor = (base: Scenario, change: Partial<PlaygroundConfig>) => {
    const config = withConfig(base, change);
    return configHints(
      base,
      config,
      configProblems(base, config).length === 0 ? buildScenario(base, config) : null,
    );
  };

  it('say whose script an extra client repeats', () => {
    expect(hintsFor(RACE, { clients: 3 }).clients).toBe(
      'The scenario has 2 clients: Alice and Bob. Alice 2 repeats Alice\u2019s script, 5 ms later.',
    );
    expect(hintsFor(RACE, { clients: 5 }).clients).toContain(
      'Extra clients repeat the scripts of Alice and Bob in turn, each copy 5 ms after the one before.',
    );
    expect(hintsFor(RACE, { clients: 1 }).clients).toContain('Bob is left out.');
  });

  it('name new nodes and say what is left out with a node', () => {
    expect(hintsFor(RACE, { nodes: 3 }).nodes).toContain('New: Node C, with the network links of Node A.');
    expect(hintsFor(RACE, { nodes: 5 }).nodes).toContain(
      'New: Node C, Node D and Node E, with the network links of Node A and Node B in turn.',
    );
    expect(hintsFor(RACE, { nodes: 1 }).nodes).toContain('Node B is left out, with its links.');
    expect(hintsFor(scenario('chat-fanout'), { nodes: 2 }).nodes).toContain(
      'The scenario\u2019s 2 faults on actors that are gone are left out.',
    );
    expect(hintsFor(RACE, { nodes: 40 }).nodes).toBe('The scenario has 2 app nodes: Node A and Node B.');
  });

  it('say when a setting changes nothing in this script', () => {
    expect(hintsFor(RACE, {}).sessions).toContain('This script logs nobody in, so it changes nothing here.');
    expect(hintsFor(scenario('sessions-redis'), {}).sessions).toBe(
      'Every node reads sessions from Redis; each request pushes the expiry back to 1800 s.',
    );
  });

  it('say what a protection does here, and when it cannot act', () => {
    expect(hintsFor(RACE, {}).penetration).toBe(
      'A read of a key with no row asks the cache and the database every time. Every key this script reads has a row, so a protection changes nothing here.',
    );
    expect(hintsFor(scenario('penetration-unprotected'), {}).penetration).not.toContain('changes nothing');
    const swr = { kind: 'stale-while-revalidate', staleSeconds: 2 } as const;
    expect(hintsFor(scenario('stampede-unprotected'), { stampede: swr }).stampede).toContain(
      'Keys already in the cache when the run starts keep the TTL they were given.',
    );
    expect(
      hintsFor(RACE, { stampede: { kind: 'single-flight' }, invalidation: 'versioned-keys' }).stampede,
    ).toContain('a key that has no version yet is loaded without this protection');
    expect(hintsFor(scenario('stampede-unprotected'), {}).lockTtlMs).toContain('takes 100 ms to read a row');
  });

  it('size a Bloom filter, and give the formula\u2019s rate for the rows there are', () => {
    const base = scenario('penetration-unprotected');
    const filter = (expectedItems: number, falsePositiveRate: number) =>
      bloomSummary(base, { kind: 'bloom-filter', expectedItems, falsePositiveRate });
    expect(filter(10, 0.01)).toBe(
      '96 bits (m) and 7 hashes (k). With the database\u2019s 10 rows, the formula gives 1% false positives.',
    );
    // Sized for fewer keys than the database has: the rate is worse than asked for.
    expect(filter(5, 0.01)).toBe(
      '48 bits (m) and 7 hashes (k). With the database\u2019s 10 rows, the formula gives 16% false positives.',
    );
    expect(filter(0, 0.01)).toBeNull();
    expect(filter(10, 1)).toBeNull();
    expect(bloomSummary(base, { kind: 'none' })).toBeNull();
    expect([0.0098, 0.2, 0.000004, 0].map(percent)).toEqual(['0.98%', '20%', '0.0004%', '0%']);
  });
});
