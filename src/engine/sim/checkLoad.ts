import type { LoadSpec } from '../load/loadSpec.ts';

/**
 * Catches a load that cannot run, with a message that says what is wrong: loads come from the
 * load lab's form as well as from hand-written scenarios. `fail` throws.
 */
export function checkLoad(
  load: LoadSpec,
  clients: ReadonlySet<string>,
  fail: (problem: string) => never,
): void {
  const atLeast = (value: number, min: number, what: string) => {
    if (!Number.isFinite(value) || value < min)
      fail(`the load's ${what} must be a number ≥ ${min}, got ${value}`);
  };
  const above = (value: number, what: string) => {
    if (!Number.isFinite(value) || value <= 0)
      fail(`the load's ${what} must be a number above 0, got ${value}`);
  };
  const whole = (value: number, min: number, what: string) => {
    if (!Number.isInteger(value) || value < min)
      fail(`the load's ${what} must be a whole number ≥ ${min}, got ${value}`);
  };
  if (load.arrivals.kind !== 'poisson') fail(`unknown arrival process "${String(load.arrivals.kind)}"`);
  above(load.arrivals.ratePerSecond, 'arrival rate per second');
  atLeast(load.startMs ?? 0, 0, 'start time in ms');
  if (load.durationMs === undefined && load.requests === undefined)
    fail('a load needs an end: give durationMs, requests, or both');
  if (load.durationMs !== undefined) above(load.durationMs, 'duration in ms');
  if (load.requests !== undefined) whole(load.requests, 1, 'number of requests');
  const { count, popularity } = load.keys;
  whole(count, 1, 'number of keys');
  if (popularity.kind === 'zipf') above(popularity.alpha, 'Zipf α');
  else if (popularity.kind !== 'uniform')
    fail(`unknown key popularity "${String((popularity as { kind: unknown }).kind)}"`);
  if (!(load.writeFraction >= 0 && load.writeFraction <= 1))
    fail(`the load's write fraction must be from 0 to 1, got ${load.writeFraction}`);
  if (load.clients !== undefined) {
    if (load.clients.length === 0) fail('the load names no clients');
    for (const client of load.clients)
      if (!clients.has(client)) fail(`the load names unknown client "${client}"`);
  } else if (clients.size === 0) fail('a load needs a client to send it');
  for (const [i, burst] of (load.hotKeyBursts ?? []).entries()) {
    atLeast(burst.atMs, 0, `hot-key burst ${i} start in ms`);
    above(burst.durationMs, `hot-key burst ${i} duration in ms`);
    above(burst.ratePerSecond, `hot-key burst ${i} rate per second`);
    if (burst.key !== undefined) {
      if (burst.key === '') fail(`hot-key burst ${i} names an empty key`);
    } else {
      const rank = burst.rank ?? 0;
      if (!Number.isInteger(rank) || rank < 1 || rank > count)
        fail(`hot-key burst ${i} names rank ${rank}, but the load's keys are ranks 1 to ${count}`);
    }
  }
  const { warmUp } = load;
  if (warmUp !== undefined) {
    atLeast(warmUp.atMs, 0, 'warm-up time in ms');
    if (warmUp.keys !== 'all') {
      whole(warmUp.keys, 1, 'number of keys to warm up');
      if (warmUp.keys > count) fail(`the warm-up names ${warmUp.keys} keys, but the load has ${count}`);
    }
    if (warmUp.ttlSeconds !== undefined) whole(warmUp.ttlSeconds, 1, 'warm-up TTL in seconds');
    if (warmUp.staggerMs !== undefined) atLeast(warmUp.staggerMs, 0, 'warm-up stagger in ms');
    if (warmUp.jitterSeconds !== undefined) whole(warmUp.jitterSeconds, 0, 'warm-up TTL jitter in seconds');
  }
  const { absent } = load;
  if (absent !== undefined) {
    above(absent.ratePerSecond, 'rate per second of absent ids');
    whole(absent.ids, 1, 'number of absent ids');
    if (absent.atMs !== undefined) atLeast(absent.atMs, 0, 'start in ms of absent ids');
    if (absent.durationMs !== undefined) above(absent.durationMs, 'duration in ms of absent ids');
    // An absent id must stay absent: no burst may name one (it would get a row).
    for (const [i, burst] of (load.hotKeyBursts ?? []).entries()) {
      const id = burst.key === undefined ? null : /^key:(\d+)$/.exec(burst.key);
      if (id !== null && id !== undefined && Number(id[1]) > count)
        fail(`hot-key burst ${i} names ${burst.key}, one of the absent ids (key:${count + 1} and up)`);
    }
  }
}
