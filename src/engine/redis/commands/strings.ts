/** String commands: GET, SET and its family, MGET/MSET, counters, APPEND, STRLEN. */
import { fitsInt64, parseInt64 } from '../int64.ts';
import type { Keyspace, StoredValue } from '../keyspace.ts';
import { bulk, error, integer, NIL, OK, ONE, ZERO, type Reply } from '../reply.ts';
import { NOT_AN_INTEGER, OVERFLOW, WRONG_TYPE, arityError } from './errors.ts';
import {
  EX,
  EXAT,
  GET,
  KEEPTTL,
  NX,
  PERSIST,
  PX,
  PXAT,
  XX,
  expireAtMs,
  parseStringOptions,
} from './setOptions.ts';
import type { Call, CommandSpec } from './types.ts';

const MAX_STRING_BYTES = 512 * 1024 * 1024;

/** The value of a string key as a reply, or WRONGTYPE; sets the call's read version. */
function stringReply(entry: StoredValue | undefined, call: Call): Reply {
  if (entry === undefined) return NIL;
  if (entry.type !== 'string') return WRONG_TYPE;
  call.readVersion = entry.version;
  return bulk(entry.value);
}

/** setGenericCommand: validate the expiry, do GET, honour NX/XX, store, set or keep the TTL. */
function setGeneric(
  ks: Keyspace,
  call: Call,
  key: string,
  value: string,
  flags: number,
  expire: string | null,
  fullName: string,
  okReply: Reply = OK,
  abortReply: Reply = NIL,
): Reply {
  let at: number | null = null;
  if (expire !== null) {
    const parsed = expireAtMs(expire, flags, ks.now(), fullName);
    if (typeof parsed !== 'number') return parsed;
    at = parsed;
  }
  let old: Reply = NIL;
  if (flags & GET) {
    old = stringReply(ks.read(key), call);
    if (old.type === 'error') return old;
  }
  const found = ks.write(key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? old : abortReply;
  const entry = ks.setString(key, value, call.version, (flags & KEEPTTL) !== 0);
  if (at !== null) ks.setExpiry(entry, at);
  return flags & GET ? old : okReply;
}

function incrBy(ks: Keyspace, key: string, by: bigint): Reply {
  const entry = ks.write(key);
  if (entry !== undefined && entry.type !== 'string') return WRONG_TYPE;
  const current = entry === undefined ? 0n : parseInt64(entry.value);
  if (current === null) return NOT_AN_INTEGER;
  const next = current + by;
  if (!fitsInt64(next)) return OVERFLOW;
  const text = String(next);
  if (entry === undefined) ks.setString(key, text);
  else {
    entry.value = text; // in place: the TTL and simulation version stay, as in Redis
    ks.resized(entry);
  }
  return integer(next);
}

function incrByArgument(ks: Keyspace, argv: readonly string[], negate: boolean): Reply {
  const by = parseInt64(argv[2] as string);
  if (by === null) return NOT_AN_INTEGER;
  if (negate && by === -9223372036854775808n) return error('ERR decrement would overflow');
  return incrBy(ks, argv[1] as string, negate ? -by : by);
}

export const stringCommands: CommandSpec[] = [
  { name: 'get', arity: 2, run: (ks, argv, call) => stringReply(ks.read(argv[1] as string), call) },
  {
    name: 'set',
    arity: -3,
    denyoom: true,
    run: (ks, argv, call) => {
      if (argv.length === 3)
        return setGeneric(ks, call, argv[1] as string, argv[2] as string, 0, null, 'set');
      const options = parseStringOptions(argv, 3, 'set');
      if ('type' in options) return options;
      return setGeneric(ks, call, argv[1] as string, argv[2] as string, options.flags, options.expire, 'set');
    },
  },
  {
    name: 'setex',
    arity: 4,
    denyoom: true,
    run: (ks, argv, call) =>
      setGeneric(ks, call, argv[1] as string, argv[3] as string, EX, argv[2] as string, 'setex'),
  },
  {
    name: 'psetex',
    arity: 4,
    denyoom: true,
    run: (ks, argv, call) =>
      setGeneric(ks, call, argv[1] as string, argv[3] as string, PX, argv[2] as string, 'psetex'),
  },
  {
    name: 'setnx',
    arity: 3,
    denyoom: true,
    run: (ks, argv, call) =>
      setGeneric(ks, call, argv[1] as string, argv[2] as string, NX, null, 'setnx', ONE, ZERO),
  },
  {
    name: 'getdel',
    arity: 2,
    run: (ks, argv, call) => {
      const entry = ks.read(argv[1] as string);
      const reply = stringReply(entry, call);
      if (entry !== undefined && reply.type === 'bulk') ks.remove(entry);
      return reply;
    },
  },
  {
    name: 'getex',
    arity: -2,
    run: (ks, argv, call) => {
      const options = parseStringOptions(argv, 2, 'get');
      if ('type' in options) return options;
      const entry = ks.read(argv[1] as string);
      const reply = stringReply(entry, call);
      if (entry === undefined || reply.type !== 'bulk') return reply;
      const { flags, expire } = options;
      if (expire !== null) {
        const at = expireAtMs(expire, flags, ks.now(), 'getex');
        if (typeof at !== 'number') return at;
        if (flags & (EXAT | PXAT) && at <= ks.now()) ks.remove(entry);
        else ks.setExpiry(entry, at);
      } else if (flags & PERSIST) ks.clearExpiry(entry);
      return reply;
    },
  },
  {
    name: 'mget',
    arity: -2,
    run: (ks, argv) => {
      const out: Reply[] = [];
      for (let i = 1; i < argv.length; i++) {
        const entry = ks.read(argv[i] as string);
        out.push(entry === undefined || entry.type !== 'string' ? NIL : bulk(entry.value));
      }
      return { type: 'array', value: out };
    },
  },
  {
    name: 'mset',
    arity: -3,
    denyoom: true,
    run: (ks, argv, call) => {
      if (argv.length % 2 === 0) return arityError('mset');
      for (let i = 1; i < argv.length; i += 2)
        ks.setString(argv[i] as string, argv[i + 1] as string, call.version);
      return OK;
    },
  },
  {
    name: 'msetnx',
    arity: -3,
    denyoom: true,
    run: (ks, argv, call) => {
      if (argv.length % 2 === 0) return arityError('msetnx');
      for (let i = 1; i < argv.length; i += 2) if (ks.write(argv[i] as string) !== undefined) return ZERO;
      for (let i = 1; i < argv.length; i += 2)
        ks.setString(argv[i] as string, argv[i + 1] as string, call.version);
      return ONE;
    },
  },
  { name: 'incr', arity: 2, denyoom: true, run: (ks, argv) => incrBy(ks, argv[1] as string, 1n) },
  { name: 'decr', arity: 2, denyoom: true, run: (ks, argv) => incrBy(ks, argv[1] as string, -1n) },
  { name: 'incrby', arity: 3, denyoom: true, run: (ks, argv) => incrByArgument(ks, argv, false) },
  { name: 'decrby', arity: 3, denyoom: true, run: (ks, argv) => incrByArgument(ks, argv, true) },
  {
    name: 'append',
    arity: 3,
    denyoom: true,
    run: (ks, argv) => {
      const key = argv[1] as string;
      const suffix = argv[2] as string;
      const entry = ks.write(key);
      if (entry === undefined) return integer(ks.setString(key, suffix).value.length);
      if (entry.type !== 'string') return WRONG_TYPE;
      if (entry.value.length + suffix.length > MAX_STRING_BYTES) {
        return error('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
      }
      entry.value += suffix;
      ks.resized(entry);
      return integer(entry.value.length);
    },
  },
  {
    name: 'strlen',
    arity: 2,
    run: (ks, argv) => {
      const entry = ks.read(argv[1] as string);
      if (entry === undefined) return ZERO;
      return entry.type === 'string' ? integer(entry.value.length) : WRONG_TYPE;
    },
  },
];
