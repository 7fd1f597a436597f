/**
 * Redis's per-object access clocks, on virtual time.
 *
 * LRU (evict.c): a 24-bit clock in seconds; idle time is the clock's distance from the object's
 * stamp, wrapping around as Redis's does.
 * LFU: the same 24 bits hold the last decrement time in minutes (16 bits) and a logarithmic
 * counter (8 bits). New keys start at 5 so they are not evicted before they had a chance; each
 * access increments with probability 1 / ((counter − 5) × lfu-log-factor + 1); every
 * lfu-decay-time minutes without access halves nothing but subtracts one.
 */
import type { Random } from '../../sim/random.ts';

const LRU_CLOCK_MAX = 0xffffff;
export const LFU_INIT_VAL = 5;

export function lruClock(nowMs: number): number {
  return Math.floor(nowMs / 1000) & LRU_CLOCK_MAX;
}

export function estimateIdleMs(lru: number, nowMs: number): number {
  const clock = lruClock(nowMs);
  return clock >= lru ? (clock - lru) * 1000 : (clock + (LRU_CLOCK_MAX - lru)) * 1000;
}

export function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60_000) & 0xffff;
}

export function lfuInitial(nowMs: number): number {
  return (lfuMinutes(nowMs) << 8) | LFU_INIT_VAL;
}

/** The counter after applying decay for the minutes elapsed since its last decrement. */
export function lfuDecayed(lru: number, nowMs: number, decayMinutes: number): number {
  const ldt = lru >> 8;
  const counter = lru & 255;
  const now = lfuMinutes(nowMs);
  const elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
  const periods = decayMinutes > 0 ? Math.floor(elapsed / decayMinutes) : 0;
  if (periods === 0) return counter;
  return periods > counter ? 0 : counter - periods;
}

export function lfuLogIncrement(counter: number, random: Random, logFactor: number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  const p = 1 / (base * logFactor + 1);
  return random.next() < p ? counter + 1 : counter;
}

/** An access under an LFU policy (`updateLFU`): decay, then maybe increment, then restamp. */
export function lfuTouched(
  lru: number,
  nowMs: number,
  random: Random,
  logFactor: number,
  decayMinutes: number,
): number {
  const counter = lfuLogIncrement(lfuDecayed(lru, nowMs, decayMinutes), random, logFactor);
  return (lfuMinutes(nowMs) << 8) | counter;
}
