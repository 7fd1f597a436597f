/** TTL commands: EXPIRE and its variants (with NX/XX/GT/LT), TTL, PTTL, EXPIRETIME, PERSIST. */
import { INT64_MAX, INT64_MIN, parseInt64 } from '../int64.ts';
import type { Keyspace } from '../keyspace.ts';
import { error, integer, ONE, ZERO, type Reply } from '../reply.ts';
import { NOT_AN_INTEGER, invalidExpireTime } from './errors.ts';
import type { CommandSpec } from './types.ts';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

/** parseExtendedExpireArgumentsOrReply: unknown options first, then incompatible pairs. */
function expireFlags(argv: readonly string[]): number | Reply {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = (argv[j] as string).toUpperCase();
    if (opt === 'NX') flags |= NX;
    else if (opt === 'XX') flags |= XX;
    else if (opt === 'GT') flags |= GT;
    else if (opt === 'LT') flags |= LT;
    else return error(`ERR Unsupported option ${argv[j] as string}`);
  }
  if (flags & NX && flags & (XX | GT | LT)) {
    return error('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags & GT && flags & LT) return error('ERR GT and LT options at the same time are not compatible');
  return flags;
}

/** expireGenericCommand: `relative` adds now; `seconds` multiplies by 1000, both overflow-checked. */
function expireGeneric(
  ks: Keyspace,
  argv: readonly string[],
  relative: boolean,
  seconds: boolean,
  name: string,
): Reply {
  const flags = expireFlags(argv);
  if (typeof flags !== 'number') return flags;
  let when = parseInt64(argv[2] as string);
  if (when === null) return NOT_AN_INTEGER;
  if (seconds) {
    if (when > INT64_MAX / 1000n || when < INT64_MIN / 1000n) return invalidExpireTime(name);
    when *= 1000n;
  }
  const base = relative ? BigInt(ks.now()) : 0n;
  if (when > INT64_MAX - base) return invalidExpireTime(name);
  when += base;
  const entry = ks.write(argv[1] as string);
  if (entry === undefined) return ZERO;
  const at = Number(when);
  if (flags) {
    const current = entry.expiresAt; // null: no TTL, which GT and LT treat as infinite
    if (flags & NX && current !== null) return ZERO;
    if (flags & XX && current === null) return ZERO;
    if (flags & GT && (current === null || at <= current)) return ZERO;
    if (flags & LT && current !== null && at >= current) return ZERO;
  }
  if (at <= ks.now()) ks.remove(entry);
  else ks.setExpiry(entry, at);
  return ONE;
}

function ttlGeneric(ks: Keyspace, key: string, ms: boolean): Reply {
  const entry = ks.find(key);
  if (entry === undefined) return integer(-2);
  if (entry.expiresAt === null) return integer(-1);
  const ttl = Math.max(0, entry.expiresAt - ks.now());
  return integer(ms ? ttl : Math.floor((ttl + 500) / 1000));
}

function expireTimeGeneric(ks: Keyspace, key: string, ms: boolean): Reply {
  const entry = ks.find(key);
  if (entry === undefined) return integer(-2);
  if (entry.expiresAt === null) return integer(-1);
  return integer(ms ? entry.expiresAt : Math.floor(entry.expiresAt / 1000));
}

export const expireCommands: CommandSpec[] = [
  { name: 'expire', arity: -3, run: (ks, argv) => expireGeneric(ks, argv, true, true, 'expire') },
  { name: 'pexpire', arity: -3, run: (ks, argv) => expireGeneric(ks, argv, true, false, 'pexpire') },
  { name: 'expireat', arity: -3, run: (ks, argv) => expireGeneric(ks, argv, false, true, 'expireat') },
  { name: 'pexpireat', arity: -3, run: (ks, argv) => expireGeneric(ks, argv, false, false, 'pexpireat') },
  { name: 'ttl', arity: 2, run: (ks, argv) => ttlGeneric(ks, argv[1] as string, false) },
  { name: 'pttl', arity: 2, run: (ks, argv) => ttlGeneric(ks, argv[1] as string, true) },
  { name: 'expiretime', arity: 2, run: (ks, argv) => expireTimeGeneric(ks, argv[1] as string, false) },
  { name: 'pexpiretime', arity: 2, run: (ks, argv) => expireTimeGeneric(ks, argv[1] as string, true) },
  {
    name: 'persist',
    arity: 2,
    run: (ks, argv) => {
      const entry = ks.write(argv[1] as string);
      return entry !== undefined && ks.clearExpiry(entry) ? ONE : ZERO;
    },
  },
];
