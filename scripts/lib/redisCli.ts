/**
 * `npm run sim -- redis [--json] [--time-step-ms N]`: a headless redis-cli against a fresh
 * keyspace on virtual time. Reads commands from stdin, one per line, with redis-cli's quoting;
 * `@advance <ms>` moves virtual time without printing; blank lines and `#` comments are skipped.
 */
import { formatReplyCli, replyToJson } from '../../src/engine/redis/reply.ts';
import { INVALID_ARGUMENTS, parseCommandLine } from '../../src/engine/redis/parser.ts';
import { RedisSession } from '../../src/engine/redis/session.ts';
import { UsageError } from './usageError.ts';

export interface RedisCliOptions {
  json: boolean;
  timeStepMs: number;
}

export function parseRedisCliFlags(args: readonly string[]): RedisCliOptions {
  const options: RedisCliOptions = { json: false, timeStepMs: 0 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (name === 'json') {
      if (match[2] !== undefined) throw new UsageError('--json takes no value');
      options.json = true;
    } else if (name === 'time-step-ms') {
      const value = match[2] ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--time-step-ms needs a value');
      if (!/^\d+$/.test(value)) {
        throw new UsageError(`--time-step-ms: "${value}" is not a whole number of milliseconds`);
      }
      options.timeStepMs = Number(value);
    } else {
      throw new UsageError(`unknown flag --${name}`);
    }
  }
  return options;
}

/** Runs every line of `input` and returns what to print, one string per output line. */
export function runRedisScript(input: string, options: RedisCliOptions): string[] {
  const session = new RedisSession();
  const out: string[] = [];
  const error = (text: string) =>
    out.push(options.json ? JSON.stringify({ type: 'error', value: text }) : `(error) ${text}`);
  for (const text of input.split('\n')) {
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('@advance')) {
      const ms = /^@advance\s+(\d+)$/.exec(trimmed)?.[1];
      if (ms === undefined) error('@advance needs a whole number of milliseconds, e.g. @advance 1500');
      else session.advance(Number(ms));
      continue;
    }
    const parsed = parseCommandLine(line);
    if (!parsed.ok) {
      // redis-cli prints this bare, not as a server error.
      out.push(
        options.json ? JSON.stringify({ type: 'error', value: INVALID_ARGUMENTS }) : INVALID_ARGUMENTS,
      );
      continue;
    }
    if (parsed.argv.length === 0) continue;
    // redis-cli prints INFO raw, line by line, rather than as one quoted string.
    const raw = !options.json && (parsed.argv[0] ?? '').toLowerCase() === 'info';
    for (const reply of session.run(parsed.argv)) {
      if (raw && reply.type === 'bulk' && reply.value !== null)
        out.push(reply.value.replace(/\r\n/g, '\n').replace(/\n$/, ''));
      else out.push(options.json ? replyToJson(reply) : formatReplyCli(reply));
    }
    if (options.timeStepMs > 0) session.advance(options.timeStepMs);
  }
  return out;
}
