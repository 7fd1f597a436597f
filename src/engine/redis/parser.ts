/**
 * Splits a command line the way redis-cli does (`sdssplitargs`): words separated by spaces;
 * "double quotes" with \n \r \t \b \a \\ \" and \xHH escapes; 'single quotes' where only \' is an
 * escape; a closing quote must be followed by a space or the end of the line.
 *
 * The result is a byte string per argument (one char per byte, 0–255), because Redis values are
 * bytes: text is UTF-8 encoded first, so `é` is two bytes, as redis-cli would send it.
 */
export type ParsedLine = { ok: true; argv: string[] } | { ok: false; error: string };

export const INVALID_ARGUMENTS = 'Invalid argument(s)';

export function parseCommandLine(line: string): ParsedLine {
  const bytes = toByteString(line);
  const argv: string[] = [];
  let i = 0;
  const n = bytes.length;
  const isSpace = (c: string | undefined) =>
    c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\v' || c === '\f';
  for (;;) {
    while (i < n && isSpace(bytes[i])) i++;
    if (i >= n) return { ok: true, argv };
    let current = '';
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const c = bytes[i];
      if (inDouble) {
        if (c === undefined) return { ok: false, error: INVALID_ARGUMENTS };
        const next = bytes[i + 1];
        if (c === '\\' && next === 'x' && isHex(bytes[i + 2]) && isHex(bytes[i + 3])) {
          current += String.fromCharCode(parseInt(bytes.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && next !== undefined) {
          current += ESCAPES[next] ?? next;
          i++;
        } else if (c === '"') {
          // The closing quote must end the word.
          if (i + 1 < n && !isSpace(bytes[i + 1])) return { ok: false, error: INVALID_ARGUMENTS };
          i++;
          break;
        } else {
          current += c;
        }
      } else if (inSingle) {
        if (c === undefined) return { ok: false, error: INVALID_ARGUMENTS };
        if (c === '\\' && bytes[i + 1] === "'") {
          current += "'";
          i++;
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(bytes[i + 1])) return { ok: false, error: INVALID_ARGUMENTS };
          i++;
          break;
        } else {
          current += c;
        }
      } else if (c === undefined || isSpace(c)) {
        break;
      } else if (c === '"') {
        inDouble = true;
      } else if (c === "'") {
        inSingle = true;
      } else {
        current += c;
      }
      i++;
    }
    argv.push(current);
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** UTF-8 encodes text into a byte string (one char per byte). ASCII passes through unchanged. */
export function toByteString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const encoded = new TextEncoder().encode(text);
  let out = '';
  for (const byte of encoded) out += String.fromCharCode(byte);
  return out;
}
