/**
 * `npm run bench` prints a table of throughput figures; `npm run bench -- --json` prints one
 * `{"name","value","unit"}` object per line. Each benchmark runs a warm-up, then reports the best of
 * several timed rounds (the least disturbed by other work on the machine).
 */
import { createActor, setup } from 'xstate';
import { runScenario } from '../src/engine/index.ts';
import { scaledCacheAsideRead } from '../src/content/scenarios/scaled.ts';
import { keyspaceGetSet, keyspaceEvictLru } from './lib/keyspaceBench.ts';
import { labTopology100k } from './lib/labBench.ts';
import { simulateHitRatio } from '../src/engine/load/hitRatio.ts';
import { zipfTrace } from '../src/engine/load/zipf.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  note: string;
}

const ROUNDS = 5;

function best(round: () => { work: number; seconds: number }): number {
  round(); // warm-up: let the JIT settle
  let top = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const { work, seconds } = round();
    top = Math.max(top, work / seconds);
  }
  return Math.round(top);
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function cacheAsideAtScale(): Result[] {
  const scenario = scaledCacheAsideRead(100_000, 1_000);
  let events = 0;
  const requestsPerSecond = best(() => {
    const { value: trace, seconds } = timed(() => runScenario(scenario, { seed: 1, record: 'metrics' }));
    events = trace.totals.events;
    return { work: trace.totals.requests, seconds };
  });
  const eventsPerRequest = events / 100_000;
  return [
    {
      name: 'sim.cache-aside.requests-per-s',
      value: requestsPerSecond,
      unit: 'requests/s',
      note: '100,000 reads over 1,000 keys, record: metrics',
    },
    {
      name: 'sim.cache-aside.events-per-s',
      value: Math.round(requestsPerSecond * eventsPerRequest),
      unit: 'events/s',
      note: `${eventsPerRequest.toFixed(2)} actor events per request`,
    },
  ];
}

/**
 * The load lab's hit-ratio run, as `npm run sim -- hitratio` does it: Zipf draws and GET/SET through
 * the keyspace's executor. A duration, so lower is better: the fastest of the rounds.
 */
function hitRatioZipf(): Result {
  const run = () =>
    simulateHitRatio({
      policy: 'lru',
      size: 1_000,
      keys: zipfTrace({ alpha: 0.8, keys: 10_000, requests: 1_000_000, seed: 1 }),
    });
  run(); // warm-up
  let fastest = Infinity;
  for (let i = 0; i < ROUNDS; i++) fastest = Math.min(fastest, timed(run).seconds);
  return {
    name: 'hitratio.zipf-1m.ms',
    value: Math.round(fastest * 1000),
    unit: 'ms',
    note: 'lower is better: 1,000,000 Zipf(0.8) requests over 10,000 keys, exact LRU of 1,000 keys',
  };
}

/** The ceiling: a bare XState actor flipping between two states, no context, no actions. */
function bareXState(): Result {
  const machine = setup({}).createMachine({
    initial: 'a',
    states: { a: { on: { flip: 'b' } }, b: { on: { flip: 'a' } } },
  });
  const n = 300_000;
  const value = best(() => {
    const actor = createActor(machine).start();
    const { seconds } = timed(() => {
      for (let i = 0; i < n; i++) actor.send({ type: 'flip' });
    });
    return { work: n, seconds };
  });
  return { name: 'xstate.bare-actor.events-per-s', value, unit: 'events/s', note: 'reference: the ceiling' };
}

const results = [
  ...cacheAsideAtScale(),
  ...labTopology100k(best, timed),
  keyspaceGetSet(best, timed),
  keyspaceEvictLru(best, timed),
  hitRatioZipf(),
  bareXState(),
];

if (process.argv.includes('--json')) {
  for (const { name, value, unit } of results) console.log(JSON.stringify({ name, value, unit }));
} else {
  const rows = results.map((r) => [r.name, r.value.toLocaleString('en-US'), r.unit, r.note]);
  const widths = [0, 1, 2, 3].map((c) =>
    Math.max(...[['benchmark', 'value', 'unit', 'about'], ...rows].map((r) => (r[c] ?? '').length)),
  );
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ');
  console.log(line(['benchmark', 'value', 'unit', 'about']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
