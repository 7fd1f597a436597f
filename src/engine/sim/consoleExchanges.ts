import type { Reply } from '../redis/reply.ts';
import { CONSOLE_ID } from './scenario.ts';
import type { Trace } from './trace.ts';

/** One line the console sent, read back from a trace: where the cache ran it and what came back. */
export interface ConsoleExchange {
  /** Negative: the `n`-th console command of the run has request id −n. */
  requestId: number;
  argv: string[];
  /** The frame in which the cache ran the command (the cache table shows its effect there). */
  answeredStep: number;
  /** The reply, then anything pushed to the console afterwards (pub/sub), in arrival order. */
  replies: Reply[];
}

/** What the console said and heard in a run, in the order the cache answered. */
export function consoleExchanges(trace: Trace): ConsoleExchange[] {
  const exchanges: ConsoleExchange[] = [];
  const byRequest = new Map<number, ConsoleExchange>();
  for (const frame of trace.frames) {
    const message = frame.delivered;
    if (message === null) continue;
    const { payload } = message;
    if (message.from === CONSOLE_ID && payload.kind === 'cache command') {
      const exchange = {
        requestId: payload.requestId,
        argv: payload.argv,
        answeredStep: frame.index,
        replies: [],
      };
      exchanges.push(exchange);
      byRequest.set(payload.requestId, exchange);
    } else if (
      message.to === CONSOLE_ID &&
      (payload.kind === 'cache reply' || payload.kind === 'cache push')
    ) {
      // A message published by someone else belongs to no console command: show it under the last.
      const exchange = byRequest.get(payload.requestId) ?? exchanges.at(-1);
      exchange?.replies.push(payload.reply);
    }
  }
  return exchanges;
}
