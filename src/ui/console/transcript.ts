import { formatReplyCli, type ConsoleExchange, type Reply } from '../../engine/index.ts';
import type { ConsoleEntry } from './RedisConsole.tsx';

/** A line the learner entered, and where its output comes from. */
export type TypedLine =
  | { id: number; input: string; kind: 'local'; lines: string[]; tone: ConsoleEntry['tone'] }
  | { id: number; input: string; kind: 'sent'; requestIds: number[] };

/** The console's screen: local answers as they are, sent commands with the replies the run recorded. */
export function transcriptOf(
  typed: readonly TypedLine[],
  exchanges: readonly ConsoleExchange[],
): ConsoleEntry[] {
  const byRequest = new Map(exchanges.map((e) => [e.requestId, e]));
  return typed.map((line) => {
    if (line.kind === 'local') return { id: line.id, input: line.input, lines: line.lines, tone: line.tone };
    const replies = line.requestIds.flatMap((id) => byRequest.get(id)?.replies ?? []);
    return {
      id: line.id,
      input: line.input,
      lines: replies.flatMap((reply) => formatReplyCli(reply).split('\n')),
      tone: replies[0]?.type === 'error' ? 'error' : 'reply',
    };
  });
}

const CONFIRMATIONS = new Set(['subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe']);

/**
 * Whether the console's connection is subscribed after everything it heard: every pub/sub
 * confirmation carries the number of subscriptions left, which is how redis-cli knows too.
 */
export function isSubscribed(exchanges: readonly ConsoleExchange[]): boolean {
  let count = 0;
  for (const exchange of exchanges) {
    for (const reply of exchange.replies) count = subscriptionsIn(reply) ?? count;
  }
  return count > 0;
}

function subscriptionsIn(reply: Reply): number | null {
  if (reply.type !== 'array' || reply.value.length !== 3) return null;
  const [kind, , count] = reply.value;
  if (kind?.type !== 'bulk' || kind.value === null || !CONFIRMATIONS.has(kind.value)) return null;
  return count?.type === 'integer' ? Number(count.value) : null;
}
