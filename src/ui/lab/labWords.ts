/** Names, descriptions, colours and number formats the labs share. */
import type { HitRatioPolicy } from '../../engine/index.ts';
import type { SchemeKind } from './shardingLink.ts';

export interface PolicyWords {
  name: string;
  description: string;
  /** The chart colour: a custom property from lab.css, defined for light and dark. */
  colour: string;
}

export const POLICY_WORDS: Record<HitRatioPolicy, PolicyWords> = {
  lru: { name: 'LRU', description: 'evicts the least recently used key', colour: '--chart-blue' },
  lfu: { name: 'LFU', description: 'evicts the least frequently used key', colour: '--chart-red' },
  fifo: { name: 'FIFO', description: 'evicts the key cached longest ago', colour: '--chart-brown' },
  random: { name: 'Random', description: 'evicts any key', colour: '--chart-purple' },
  'redis-lru': {
    name: 'Redis LRU',
    description: 'Redis\u2019s allkeys-lru: the least recently used of 5 sampled keys',
    colour: '--chart-teal',
  },
  'redis-lfu': {
    name: 'Redis LFU',
    description: 'Redis\u2019s allkeys-lfu: a decaying, logarithmic use counter, over 5 sampled keys',
    colour: '--chart-magenta',
  },
};

export const CHE_NAME = 'Che\u2019s estimate for LRU';

export const SCHEME_WORDS: Record<SchemeKind, { name: string; description: string }> = {
  modulo: { name: 'Modulo', description: 'node = hash(key) mod N' },
  ring: { name: 'Hash ring', description: 'each node owns arcs of a ring, at its virtual nodes' },
  slots: {
    name: 'Redis Cluster',
    description: 'CRC16(key) mod 16,384 picks a slot; slots are dealt to nodes; {tags} are honoured',
  },
};

const percent1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A fraction 0–1 as `55.4 %`. */
export function formatPercent(fraction: number): string {
  return `${percent1.format(fraction * 100)}\u00a0%`;
}

/** A difference of two fractions in percentage points, signed: `+3.2 points`, `−0.4 points`. */
export function formatPoints(difference: number): string {
  const points = difference * 100;
  const rounded = percent1.format(Math.abs(points));
  if (rounded === '0.0') return '0.0 points';
  return `${points > 0 ? '+' : '\u2212'}${rounded} points`;
}

const compactWords = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' });

/** Large counts in words: `60,000`, `3.6 million`. */
export function formatCount(count: number): string {
  return count >= 1_000_000 ? compactWords.format(count) : count.toLocaleString('en-US');
}

/** Seconds a run took: `0.8 s`, `12 s`. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)}\u00a0s`;
}
