import { formatReplyCli } from '../../../../src/engine/redis/reply.ts';
import { RedisSession } from '../../../../src/engine/redis/session.ts';
import { parseCommandLine } from '../../../../src/engine/redis/parser.ts';

/** A session and a `run('SET k v')` that returns what redis-cli would print. */
export function redisAt(startMs = 0, seed = 1) {
  const session = new RedisSession({ startMs, seed });
  const run = (line: string): string => {
    const parsed = parseCommandLine(line);
    if (!parsed.ok) throw new Error(`bad line ${line}`);
    return session
      .run(parsed.argv)
      .map((r) => formatReplyCli(r))
      .join('\n');
  };
  /** The text of a bulk reply as is (INFO), without redis-cli's quoting. */
  const text = (line: string): string => {
    const parsed = parseCommandLine(line);
    if (!parsed.ok) throw new Error(`bad line ${line}`);
    const [reply] = session.run(parsed.argv);
    return reply?.type === 'bulk' ? (reply.value ?? '') : '';
  };
  return { session, keyspace: session.keyspace, run, text };
}
