/**
 * SET's and GETEX's options, parsed as Redis's `parseExtendedStringArgumentsOrReply` does: each
 * option is accepted only when it does not conflict with one already seen (so `EX 1 EX 2` is fine
 * and the last wins, `EX 1 PX 2` is a syntax error), and the expire value is validated later.
 */
import { INT64_MAX, parseInt64 } from '../int64.ts';
import type { Reply } from '../reply.ts';
import { invalidExpireTime, NOT_AN_INTEGER, SYNTAX_ERROR } from './errors.ts';

export const NX = 1;
export const XX = 2;
export const GET = 4;
export const KEEPTTL = 8;
export const PERSIST = 16;
export const EX = 32;
export const PX = 64;
export const EXAT = 128;
export const PXAT = 256;
const ANY_EXPIRE = EX | PX | EXAT | PXAT;

export interface StringOptions {
  flags: number;
  expire: string | null;
}

export function parseStringOptions(
  argv: readonly string[],
  from: number,
  command: 'set' | 'get',
): StringOptions | Reply {
  let flags = 0;
  let expire: string | null = null;
  for (let j = from; j < argv.length; j++) {
    const opt = (argv[j] as string).toUpperCase();
    const next = j + 1 < argv.length ? (argv[j + 1] as string) : null;
    const set = command === 'set';
    if (opt === 'NX' && !(flags & XX) && set) flags |= NX;
    else if (opt === 'XX' && !(flags & NX) && set) flags |= XX;
    else if (opt === 'GET' && set) flags |= GET;
    else if (opt === 'KEEPTTL' && !(flags & (PERSIST | ANY_EXPIRE)) && set) flags |= KEEPTTL;
    else if (opt === 'PERSIST' && !set && !(flags & (ANY_EXPIRE | KEEPTTL))) flags |= PERSIST;
    else if (
      next !== null &&
      expireOption(opt) !== 0 &&
      !(flags & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~expireOption(opt))))
    ) {
      flags |= expireOption(opt);
      expire = next;
      j++;
    } else return SYNTAX_ERROR;
  }
  return { flags, expire };
}

function expireOption(opt: string): number {
  switch (opt) {
    case 'EX':
      return EX;
    case 'PX':
      return PX;
    case 'EXAT':
      return EXAT;
    case 'PXAT':
      return PXAT;
    default:
      return 0;
  }
}

/**
 * The absolute expiry in ms for an EX/PX/EXAT/PXAT argument (`getExpireMillisecondsOrReply`):
 * a non-integer is "not an integer"; zero, negative or overflowing is "invalid expire time".
 */
export function expireAtMs(text: string, flags: number, now: number, fullName: string): number | Reply {
  const n = parseInt64(text);
  if (n === null) return NOT_AN_INTEGER;
  const seconds = (flags & (EX | EXAT)) !== 0;
  if (n <= 0n || (seconds && n > INT64_MAX / 1000n)) return invalidExpireTime(fullName);
  let ms = seconds ? n * 1000n : n;
  if (flags & (EX | PX)) ms += BigInt(now);
  if (ms > INT64_MAX) return invalidExpireTime(fullName);
  return Number(ms);
}
