/**
 * Redis integers are signed 64-bit. Parsing follows Redis's `string2ll` exactly: an optional `-`,
 * no `+`, no spaces, no leading zeros (so `"-0"` and `"007"` are rejected), at most 20 characters.
 * BigInt keeps every digit beyond 2^53.
 */
export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;

const DECIMAL = /^(?:0|-?[1-9][0-9]*)$/;

export function parseInt64(text: string): bigint | null {
  if (text.length === 0 || text.length > 20 || !DECIMAL.test(text)) return null;
  const value = BigInt(text);
  return value > INT64_MAX || value < INT64_MIN ? null : value;
}

/** The same rule, as a JS number, for values that are small by nature (counts, samples). */
export function parseSafeInteger(text: string): number | null {
  const value = parseInt64(text);
  return value === null ? null : Number(value);
}

export function fitsInt64(value: bigint): boolean {
  return value <= INT64_MAX && value >= INT64_MIN;
}
