/** Hash commands: HSET, HGET, HMGET, HGETALL, HDEL, HEXISTS, HINCRBY, HLEN, HKEYS, HVALS. */
import { fitsInt64, parseInt64 } from '../int64.ts';
import type { Keyspace } from '../keyspace.ts';
import { StoredValue } from '../storedValue.ts';
import { array, bulk, bulks, EMPTY_ARRAY, integer, NIL, ONE, ZERO, type Reply } from '../reply.ts';
import { HASH_NOT_AN_INTEGER, NOT_AN_INTEGER, OVERFLOW, WRONG_TYPE, arityError } from './errors.ts';
import type { CommandSpec } from './types.ts';

/** A hash for reading: undefined when missing, WRONGTYPE when the key holds something else. */
function hashToRead(ks: Keyspace, key: string): StoredValue | undefined | Reply {
  const entry = ks.read(key);
  if (entry === undefined) return undefined;
  return entry.fields === null ? WRONG_TYPE : entry;
}

/** hashTypeLookupWriteOrCreate. */
function hashToWrite(ks: Keyspace, key: string): StoredValue | Reply {
  const entry = ks.write(key);
  if (entry === undefined) return ks.createHash(key);
  return entry.fields === null ? WRONG_TYPE : entry;
}

function isReply(x: StoredValue | Reply | undefined): x is Reply {
  return x !== undefined && !(x instanceof StoredValue);
}

/** Runs `read` on the hash's fields; `empty` is the reply for a missing key. */
function readHash(
  ks: Keyspace,
  key: string,
  empty: Reply,
  read: (fields: Map<string, string>) => Reply,
): Reply {
  const entry = hashToRead(ks, key);
  if (entry === undefined) return empty;
  if (isReply(entry)) return entry;
  return read(entry.fields as Map<string, string>);
}

export const hashCommands: CommandSpec[] = [
  {
    name: 'hset',
    arity: -4,
    denyoom: true,
    run: (ks, argv) => {
      if (argv.length % 2 === 1) return arityError('hset');
      const entry = hashToWrite(ks, argv[1] as string);
      if (isReply(entry)) return entry;
      const fields = entry.fields as Map<string, string>;
      let created = 0;
      for (let i = 2; i < argv.length; i += 2) {
        if (!fields.has(argv[i] as string)) created++;
        fields.set(argv[i] as string, argv[i + 1] as string);
      }
      ks.resized(entry);
      return integer(created);
    },
  },
  {
    name: 'hget',
    arity: 3,
    run: (ks, argv) =>
      readHash(ks, argv[1] as string, NIL, (f) => {
        const v = f.get(argv[2] as string);
        return v === undefined ? NIL : bulk(v);
      }),
  },
  {
    name: 'hmget',
    arity: -3,
    run: (ks, argv) => {
      const fields = argv.slice(2);
      return readHash(ks, argv[1] as string, array(fields.map(() => NIL)), (f) =>
        array(
          fields.map((name) => {
            const v = f.get(name);
            return v === undefined ? NIL : bulk(v);
          }),
        ),
      );
    },
  },
  {
    name: 'hgetall',
    arity: 2,
    run: (ks, argv) => readHash(ks, argv[1] as string, EMPTY_ARRAY, (f) => bulks([...f].flat())),
  },
  {
    name: 'hlen',
    arity: 2,
    run: (ks, argv) => readHash(ks, argv[1] as string, ZERO, (f) => integer(f.size)),
  },
  {
    name: 'hkeys',
    arity: 2,
    run: (ks, argv) => readHash(ks, argv[1] as string, EMPTY_ARRAY, (f) => bulks([...f.keys()])),
  },
  {
    name: 'hvals',
    arity: 2,
    run: (ks, argv) => readHash(ks, argv[1] as string, EMPTY_ARRAY, (f) => bulks([...f.values()])),
  },
  {
    name: 'hexists',
    arity: 3,
    run: (ks, argv) => readHash(ks, argv[1] as string, ZERO, (f) => (f.has(argv[2] as string) ? ONE : ZERO)),
  },
  {
    name: 'hdel',
    arity: -3,
    run: (ks, argv) => {
      const entry = ks.write(argv[1] as string);
      if (entry === undefined) return ZERO;
      if (entry.fields === null) return WRONG_TYPE;
      let removed = 0;
      for (let i = 2; i < argv.length; i++) if (entry.fields.delete(argv[i] as string)) removed++;
      if (entry.fields.size === 0) ks.remove(entry);
      else ks.resized(entry);
      return integer(removed);
    },
  },
  {
    name: 'hincrby',
    arity: 4,
    denyoom: true,
    run: (ks, argv) => {
      const by = parseInt64(argv[3] as string);
      if (by === null) return NOT_AN_INTEGER;
      const entry = hashToWrite(ks, argv[1] as string);
      if (isReply(entry)) return entry;
      const fields = entry.fields as Map<string, string>;
      const field = argv[2] as string;
      const text = fields.get(field);
      const current = text === undefined ? 0n : parseInt64(text);
      if (current === null) return HASH_NOT_AN_INTEGER;
      const next = current + by;
      if (!fitsInt64(next)) return OVERFLOW;
      fields.set(field, String(next));
      ks.resized(entry);
      return integer(next);
    },
  },
];
