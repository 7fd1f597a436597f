/**
 * A Redis server for one client, on its own virtual clock: what the console and `sim redis` talk
 * to. It runs commands on a connection (for pub/sub state), returns every reply the command
 * produced (SUBSCRIBE a b produces two), and advances time the way Redis's cron does, running an
 * active-expiry cycle at every 100 ms boundary it passes (hz 10).
 */
import { createRandom } from '../sim/random.ts';
import { ACTIVE_EXPIRE_PERIOD_MS } from './activeExpiry.ts';
import { executeCommand } from './commands.ts';
import { Keyspace } from './keyspace.ts';
import { Connection } from './pubsub.ts';
import type { Reply } from './reply.ts';

export interface SessionOptions {
  /** Virtual time at the start, in ms since the Unix epoch (EXPIREAT and EXPIRETIME use it). */
  startMs?: number;
  /** Seeds the keyspace's random (eviction and expiry sampling, LFU). */
  seed?: number;
}

export class RedisSession {
  readonly keyspace: Keyspace;
  readonly connection = new Connection();
  private nowMs: number;
  private nextCycleAt: number;

  constructor(options: SessionOptions = {}) {
    this.nowMs = options.startMs ?? 0;
    this.nextCycleAt = this.nowMs + ACTIVE_EXPIRE_PERIOD_MS;
    this.keyspace = new Keyspace(() => this.nowMs, createRandom(options.seed ?? 1));
  }

  get now(): number {
    return this.nowMs;
  }

  /** Runs one command; returns its reply, or the replies it pushed (pub/sub), in order. */
  run(argv: readonly string[]): Reply[] {
    const { reply } = executeCommand(this.keyspace, argv, { connection: this.connection });
    const pushed = this.connection.drain();
    return reply === null ? pushed : [reply, ...pushed];
  }

  advance(ms: number): void {
    this.advanceTo(this.nowMs + ms);
  }

  advanceTo(time: number): void {
    while (this.nextCycleAt <= time) {
      this.nowMs = this.nextCycleAt;
      this.keyspace.activeExpireCycle();
      this.nextCycleAt += ACTIVE_EXPIRE_PERIOD_MS;
    }
    this.nowMs = Math.max(this.nowMs, time);
  }
}
