import { runScenario, type Frame, type Scenario, type Trace } from '../../src/engine/index.ts';

// What the engine tests read off a trace, in one place: the exact-trace tests of every scenario
// compare these lines.

export const run = (scenario: Scenario, seed = 1): Trace => runScenario(scenario, { seed, record: 'frames' });

/** One line per frame: virtual time, who acted, what was said, which code line ran. */
export const steps = (trace: Trace): string[] =>
  trace.frames.map((f) => `${f.time} ${f.actor ?? '-'} ${f.narration.key} ${f.code?.marker ?? '-'}`);

export const framesSaying = (trace: Trace, key: string): Frame[] =>
  trace.frames.filter((f) => f.narration.key === key);

/** The `nth` frame whose narration has this key. */
export const frameSaying = (trace: Trace, key: string, nth = 0): Frame => framesSaying(trace, key)[nth]!;

export const last = (trace: Trace): Frame => trace.frames.at(-1)!;

/** Redis and the database at a frame, as `key=value@vN` lines. */
export const cacheOf = (f: Frame): string[] => f.cache.map((r) => `${r.key}=${r.value}@v${r.version}`);
export const dbOf = (f: Frame): string[] => f.db.map((r) => `${r.key}=${r.value}@v${r.version}`);

/** The kinds of the anomalies the checker found, in the order they became visible. */
export const anomalyKinds = (trace: Trace): string[] => trace.anomalies.map((a) => a.kind);
