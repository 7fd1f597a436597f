import type { CacheAsideStrategy } from '../strategies/cacheAside.ts';

/** A latency range in virtual milliseconds; each message draws uniformly from it. */
export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

export interface ClientSpec {
  id: string;
  label: string;
  /** The app node this client sends its requests to. */
  appNode: string;
}

export interface AppNodeSpec {
  id: string;
  label: string;
}

export interface DatabaseSpec {
  readLatencyMs: number;
  writeLatencyMs: number;
  rows: { key: string; value: string; version: number }[];
}

export interface CacheSpec {
  /** Entries present before the run starts (a warm cache). */
  entries: { key: string; value: string; version: number; ttlSeconds: number | null }[];
}

export type Operation =
  | { atMs: number; client: string; op: 'read'; key: string }
  | { atMs: number; client: string; op: 'write'; key: string; value: string };

/** A scenario is data: who is there, how they behave, and what the clients do when. */
export interface Scenario {
  id: string;
  title: string;
  summary: string;
  clients: ClientSpec[];
  appNodes: AppNodeSpec[];
  cache: CacheSpec;
  database: DatabaseSpec;
  strategy: CacheAsideStrategy;
  /** Latency of every network link, unless `links` overrides it for a pair. */
  network: {
    defaultLatency: LatencyRange;
    links?: { a: string; b: string; latency: LatencyRange }[] | undefined;
  };
  script: Operation[];
}

/** Fixed ids for the shared tiers, so scenarios and the UI agree on them. */
export const CACHE_ID = 'cache';
export const DATABASE_ID = 'db';
/** The learner's own redis-cli, added to a run when they type into the console. */
export const CONSOLE_ID = 'console';
