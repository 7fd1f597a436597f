/**
 * A Redis reply, by RESP2 type. Integers are carried as their decimal digits so every signed
 * 64-bit value survives exactly (a JS number would round anything beyond 2^53); bulk strings are
 * byte strings, one char per byte (see parser.ts).
 */
export type Reply =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: string }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: Reply[] };

export const OK: Reply = { type: 'status', value: 'OK' };
export const NIL: Reply = { type: 'bulk', value: null };
export const ZERO: Reply = { type: 'integer', value: '0' };
export const ONE: Reply = { type: 'integer', value: '1' };
export const EMPTY_ARRAY: Reply = { type: 'array', value: [] };

export function integer(value: number | bigint): Reply {
  if (value === 0) return ZERO;
  if (value === 1) return ONE;
  return { type: 'integer', value: String(value) };
}

export function bulk(value: string): Reply {
  return { type: 'bulk', value };
}

export function status(value: string): Reply {
  return { type: 'status', value };
}

export function array(values: Reply[]): Reply {
  return { type: 'array', value: values };
}

export function bulks(values: readonly string[]): Reply {
  return { type: 'array', value: values.map(bulk) };
}

/** An error reply; like Redis's `addReplyErrorFormat`, newlines become spaces (RESP cannot carry them). */
export function error(text: string): Reply {
  return { type: 'error', value: text.replace(/[\r\n]/g, ' ') };
}

/** A bulk string as redis-cli shows it (`sdscatrepr`): quoted, `\n` `\r` `\t` `\a` `\b` `\\` `\"`, else `\xHH`. */
export function quoteBytes(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    switch (c) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        // Above 0xff a char cannot be a byte: it is simulation text, shown as it is.
        out += (c >= 0x20 && c <= 0x7e) || c > 0xff ? value[i] : `\\x${c.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}

/** The reply as `redis-cli` prints it on one line: `"Alice"`, `(nil)`, `(integer) 1`, `OK`. */
export function formatReplyInline(reply: Reply): string {
  switch (reply.type) {
    case 'status':
      return reply.value;
    case 'error':
      return `(error) ${reply.value}`;
    case 'integer':
      return `(integer) ${reply.value}`;
    case 'bulk':
      return reply.value === null ? '(nil)' : quoteBytes(reply.value);
    case 'array':
      return reply.value.length === 0 ? '(empty array)' : reply.value.map(formatReplyInline).join(' ');
  }
}

/**
 * The reply as redis-cli prints it in a terminal (`cliFormatReplyTTY`): arrays as numbered lines,
 * the numbers right-aligned to the widest index, nested arrays indented under their index.
 */
export function formatReplyCli(reply: Reply, prefix = ''): string {
  if (reply.type !== 'array' || reply.value.length === 0) return formatReplyInline(reply);
  const count = reply.value.length;
  const width = String(count).length;
  const nested = prefix + ' '.repeat(width + 2);
  return reply.value
    .map((element, i) => {
      const index = `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) `;
      return index + formatReplyCli(element, nested);
    })
    .join('\n');
}

/**
 * One JSON value per reply: `{"type":…,"value":…}`. Integers are written as bare number tokens from
 * their digits, never through a JS number, so values beyond 2^53 stay exact. Strings: see
 * `fromByteString`.
 */
export function replyToJson(reply: Reply): string {
  switch (reply.type) {
    case 'integer':
      return `{"type":"integer","value":${reply.value}}`;
    case 'bulk':
      return reply.value === null
        ? '{"type":"nil","value":null}'
        : `{"type":"string","value":${JSON.stringify(fromByteString(reply.value))}}`;
    case 'array':
      return `{"type":"array","value":[${reply.value.map(replyToJson).join(',')}]}`;
    case 'status':
    case 'error':
      return `{"type":"${reply.type}","value":${JSON.stringify(fromByteString(reply.value))}}`;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A byte string as text for JSON: decoded as UTF-8 when it is valid UTF-8 (so `é` reads `é`),
 * otherwise one character per byte (U+0000–U+00FF), which keeps arbitrary binary exact.
 */
export function fromByteString(bytes: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(bytes)) return bytes;
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i) & 0xff;
  try {
    return utf8.decode(array);
  } catch {
    return bytes;
  }
}
