import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/engine/redis/commands/table.ts';
import { parseCommandLine } from '../../../src/engine/redis/parser.ts';
import { formatReplyInline } from '../../../src/engine/redis/reply.ts';
import { RedisSession } from '../../../src/engine/redis/session.ts';

const key = fc.constantFrom('a', 'b', 'c');
const value = fc.constantFrom('x', 'hello', '0', '41', '-7', '9223372036854775807', '');
const seconds = fc.integer({ min: -2, max: 5 });

type Op = { kind: 'command'; argv: string[] } | { kind: 'advance'; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => ({ kind: 'command' as const, argv: ['SET', k, v] })),
  fc
    .tuple(key, value, fc.integer({ min: 1, max: 5 }))
    .map(([k, v, s]) => ({ kind: 'command' as const, argv: ['SET', k, v, 'EX', String(s)] })),
  fc
    .tuple(key, value, fc.integer({ min: 1, max: 5000 }))
    .map(([k, v, ms]) => ({ kind: 'command' as const, argv: ['SET', k, v, 'PX', String(ms)] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['GET', k] })),
  fc
    .array(key, { minLength: 1, maxLength: 3 })
    .map((ks) => ({ kind: 'command' as const, argv: ['DEL', ...ks] })),
  fc
    .array(key, { minLength: 1, maxLength: 3 })
    .map((ks) => ({ kind: 'command' as const, argv: ['EXISTS', ...ks] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['INCR', k] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['TTL', k] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['PTTL', k] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['PERSIST', k] })),
  key.map((k) => ({ kind: 'command' as const, argv: ['STRLEN', k] })),
  fc.tuple(key, value).map(([k, v]) => ({ kind: 'command' as const, argv: ['APPEND', k, v] })),
  fc.tuple(key, seconds).map(([k, s]) => ({ kind: 'command' as const, argv: ['EXPIRE', k, String(s)] })),
  fc.integer({ min: 0, max: 3000 }).map((ms) => ({ kind: 'advance' as const, ms })),
);

/** The reference: strings with absolute expiry, written from the Redis documentation alone. */
class StringModel {
  private readonly data = new Map<string, { value: string; expiresAt: number | null }>();
  now = 0;

  private live(k: string) {
    const e = this.data.get(k);
    if (e !== undefined && e.expiresAt !== null && e.expiresAt <= this.now) {
      this.data.delete(k);
      return undefined;
    }
    return e;
  }

  run(argv: string[]): string {
    const [name, k = '', arg = ''] = argv;
    const e = this.live(k);
    switch (name) {
      case 'SET': {
        const ttl = argv[3] === 'EX' ? Number(argv[4]) * 1000 : argv[3] === 'PX' ? Number(argv[4]) : null;
        this.data.set(k, { value: arg, expiresAt: ttl === null ? null : this.now + ttl });
        return 'OK';
      }
      case 'GET':
        return e === undefined ? '(nil)' : JSON.stringify(e.value);
      case 'DEL':
      case 'EXISTS': {
        let n = 0;
        for (const x of argv.slice(1)) {
          if (this.live(x) !== undefined) {
            n++;
            if (name === 'DEL') this.data.delete(x);
          }
        }
        return `(integer) ${n}`;
      }
      case 'INCR': {
        const current =
          e === undefined
            ? 0n
            : /^(0|-?[1-9]\d*)$/.test(e.value) && e.value.length <= 20
              ? BigInt(e.value)
              : null;
        if (current === null || current > 2n ** 63n - 1n)
          return '(error) ERR value is not an integer or out of range';
        if (current + 1n > 2n ** 63n - 1n) return '(error) ERR increment or decrement would overflow';
        if (e === undefined) this.data.set(k, { value: '1', expiresAt: null });
        else e.value = String(current + 1n);
        return `(integer) ${current + 1n}`;
      }
      case 'TTL':
      case 'PTTL': {
        if (e === undefined) return '(integer) -2';
        if (e.expiresAt === null) return '(integer) -1';
        const ms = e.expiresAt - this.now;
        return `(integer) ${name === 'PTTL' ? ms : Math.floor((ms + 500) / 1000)}`;
      }
      case 'PERSIST':
        if (e === undefined || e.expiresAt === null) return '(integer) 0';
        e.expiresAt = null;
        return '(integer) 1';
      case 'STRLEN':
        return `(integer) ${e?.value.length ?? 0}`;
      case 'APPEND':
        if (e === undefined) this.data.set(k, { value: arg, expiresAt: null });
        else e.value += arg;
        return `(integer) ${this.live(k)?.value.length ?? 0}`;
      case 'EXPIRE': {
        if (e === undefined) return '(integer) 0';
        const at = this.now + Number(arg) * 1000;
        if (at <= this.now) this.data.delete(k);
        else e.expiresAt = at;
        return '(integer) 1';
      }
    }
    throw new Error(`model has no ${name}`);
  }
}

describe('properties', () => {
  it('strings and TTLs agree with a simple reference model for any command sequence', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const session = new RedisSession();
        const model = new StringModel();
        for (const o of ops) {
          if (o.kind === 'advance') {
            session.advance(o.ms);
            model.now += o.ms;
            continue;
          }
          const ours = session.run(o.argv).map(formatReplyInline).join(' ');
          expect(ours, o.argv.join(' ')).toBe(model.run(o.argv));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the parser and the executor never throw, whatever the line', () => {
    const names = [...COMMANDS.keys()];
    const word = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(...names),
      fc.constantFrom('EX', 'PX', 'NX', 'GT', 'MATCH', 'COUNT', '-1', '0', '9223372036854775808'),
    );
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')),
    );
    const session = new RedisSession();
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        for (const text of lines) {
          const parsed = parseCommandLine(text);
          if (parsed.ok && parsed.argv.length > 0) session.run(parsed.argv);
        }
      }),
      { numRuns: 500 },
    );
    expect(session.connection.outbox).toEqual([]);
  });

  it('with an allkeys policy, used memory never exceeds maxmemory after a write', () => {
    const policy = fc.constantFrom('allkeys-lru', 'allkeys-lfu', 'allkeys-random');
    const write = fc.tuple(
      fc.constantFrom('SET', 'HSET', 'APPEND', 'EXPIRE', 'INCR'),
      fc.integer({ min: 0, max: 30 }),
      fc.string({ maxLength: 40 }),
    );
    const argvFor = (command: string, k: number, v: string): string[] => {
      switch (command) {
        case 'HSET':
          return ['HSET', `h${k}`, 'f', v];
        case 'EXPIRE':
          return ['EXPIRE', `k${k}`, '100'];
        case 'INCR':
          return ['INCR', `n${k}`];
        default:
          return [command, `k${k}`, v];
      }
    };
    fc.assert(
      fc.property(
        policy,
        fc.constantFrom('redis', 'exact') as fc.Arbitrary<'redis' | 'exact'>,
        fc.integer({ min: 100, max: 2000 }),
        fc.array(write, { maxLength: 80 }),
        (p, mode, max, writes) => {
          const session = new RedisSession({ seed: max });
          session.keyspace.configure({ mode });
          session.run(['CONFIG', 'SET', 'maxmemory-policy', p, 'maxmemory', String(max)]);
          for (const [command, k, v] of writes) {
            session.run(argvFor(command, k, v));
            expect(session.keyspace.usedMemory).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('exact LRU evicts exactly the least recently used key', () => {
    const access = fc.tuple(fc.constantFrom('GET', 'SET'), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(fc.array(access, { maxLength: 100 }), (accesses) => {
        const session = new RedisSession();
        session.keyspace.configure({ mode: 'exact', policy: 'allkeys-lru' });
        // Room for exactly five keys of this shape (68 bytes each, see storedValue.ts).
        session.run(['CONFIG', 'SET', 'maxmemory', String(68 * 5)]);
        const recency: string[] = []; // least recent first
        for (const [command, i] of accesses) {
          const k = `k${i}`;
          const present = recency.includes(k);
          if (command === 'GET') {
            session.run(['GET', k]);
            if (present) recency.push(...recency.splice(recency.indexOf(k), 1));
            continue;
          }
          session.run(['SET', k, '0123456789']);
          if (present) recency.splice(recency.indexOf(k), 1);
          recency.push(k);
          if (recency.length > 5) recency.shift();
          const keys = session.run(['KEYS', '*'])[0];
          const stored =
            keys?.type === 'array' ? keys.value.map((r) => (r.type === 'bulk' ? r.value : '')) : [];
          expect(stored.sort()).toEqual([...recency].sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
