/** Keyspace commands: DEL, UNLINK, EXISTS, TYPE, RENAME, KEYS, SCAN, DBSIZE, FLUSHALL, FLUSHDB. */
import { globMatch } from '../glob.ts';
import type { Keyspace } from '../keyspace.ts';
import { array, bulk, bulks, integer, OK, status, type Reply } from '../reply.ts';
import { INVALID_CURSOR, NOT_AN_INTEGER, NO_SUCH_KEY, SYNTAX_ERROR } from './errors.ts';
import { parseInt64 } from '../int64.ts';
import type { CommandSpec } from './types.ts';

function del(ks: Keyspace, argv: readonly string[]): Reply {
  let removed = 0;
  for (let i = 1; i < argv.length; i++) {
    const entry = ks.find(argv[i] as string);
    if (entry !== undefined) {
      ks.remove(entry);
      removed++;
    }
  }
  return integer(removed);
}

function rename(ks: Keyspace, from: string, to: string): Reply {
  const source = ks.write(from);
  if (source === undefined) return NO_SUCH_KEY;
  if (from === to) return OK;
  const target = ks.find(to);
  if (target !== undefined) ks.remove(target);
  ks.remove(source);
  // The same object moves to the new name in Redis: value, TTL and access history all travel.
  const moved = source.type === 'string' ? ks.setString(to, source.value, source.version) : ks.createHash(to);
  if (source.fields !== null && moved.fields !== null)
    for (const [f, v] of source.fields) moved.fields.set(f, v);
  moved.version = source.version;
  moved.lru = source.lru;
  moved.accessCount = source.accessCount;
  ks.resized(moved);
  if (source.expiresAt !== null) ks.setExpiry(moved, source.expiresAt);
  return OK;
}

/** SCAN's cursor is a creation number (see Keyspace.liveKeys): keys present for the whole scan are returned once. */
function scan(ks: Keyspace, argv: readonly string[]): Reply {
  const cursorText = argv[1] as string;
  // strtoul semantics, as Redis: optional sign, digits, no leading space; "" is 0.
  if (!/^([+-]?\d+)?$/.test(cursorText) || (cursorText !== '' && BigInt(cursorText) >= 2n ** 64n)) {
    return INVALID_CURSOR;
  }
  let cursor =
    cursorText === ''
      ? 0
      : Number(BigInt(cursorText) < 0n ? 2n ** 64n + BigInt(cursorText) : BigInt(cursorText));
  let count = 10;
  let pattern: string | null = null;
  let type: string | null = null;
  for (let i = 2; i < argv.length; i++) {
    const opt = (argv[i] as string).toLowerCase();
    const value = argv[i + 1];
    if (value === undefined) return SYNTAX_ERROR;
    if (opt === 'count') {
      const n = parseInt64(value);
      if (n === null) return NOT_AN_INTEGER;
      if (n < 1n) return SYNTAX_ERROR;
      count = Number(n);
    } else if (opt === 'match') pattern = value;
    else if (opt === 'type') type = value.toLowerCase();
    else return SYNTAX_ERROR;
    i++;
  }
  const found: string[] = [];
  let examined = 0;
  let next = 0;
  for (const entry of ks.liveKeys(cursor)) {
    if (examined === count) {
      next = entry.seq;
      break;
    }
    examined++;
    if (pattern !== null && !(pattern === '*' || globMatch(pattern, entry.key))) continue;
    if (type !== null && entry.type !== type) continue;
    found.push(entry.key);
  }
  cursor = next;
  return array([bulk(String(cursor)), bulks(found)]);
}

function flush(ks: Keyspace, argv: readonly string[]): Reply {
  if (argv.length > 2) return SYNTAX_ERROR;
  const mode = argv[1]?.toLowerCase();
  if (mode !== undefined && mode !== 'sync' && mode !== 'async') return SYNTAX_ERROR;
  ks.flush();
  return OK;
}

export const keyCommands: CommandSpec[] = [
  { name: 'del', arity: -2, run: del },
  { name: 'unlink', arity: -2, run: del },
  {
    name: 'exists',
    arity: -2,
    run: (ks, argv) => {
      let count = 0;
      for (let i = 1; i < argv.length; i++) if (ks.read(argv[i] as string, false) !== undefined) count++;
      return integer(count);
    },
  },
  {
    name: 'type',
    arity: 2,
    run: (ks, argv) => status(ks.read(argv[1] as string, false)?.type ?? 'none'),
  },
  { name: 'rename', arity: 3, run: (ks, argv) => rename(ks, argv[1] as string, argv[2] as string) },
  {
    name: 'keys',
    arity: 2,
    run: (ks, argv) => {
      const pattern = argv[1] as string;
      const all = pattern === '*';
      const out: string[] = [];
      for (const e of ks.liveKeys()) if (all || globMatch(pattern, e.key)) out.push(e.key);
      return bulks(out);
    },
  },
  { name: 'scan', arity: -2, run: scan },
  { name: 'dbsize', arity: 1, run: (ks) => integer(ks.size) },
  { name: 'flushall', arity: -1, run: flush },
  { name: 'flushdb', arity: -1, run: flush },
];
