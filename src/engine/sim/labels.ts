import { formatReplyInline } from '../redis/reply.ts';
import type { Message } from './messages.ts';
import type { MessageView } from './trace.ts';

/** A message as the trace shows it: who, what, and a short label a person can read on the packet. */
export function viewOf(message: Message): MessageView {
  return {
    id: message.id,
    from: message.from,
    to: message.to,
    kind: message.payload.kind,
    label: labelOf(message),
    payload: message.payload,
    sendTime: message.sendTime,
    recvTime: message.recvTime,
  };
}

function labelOf({ payload }: Message): string {
  switch (payload.kind) {
    case 'read request':
      return `read ${payload.key}`;
    case 'write request':
      return `write ${payload.key} = ${quote(payload.value)}`;
    case 'response':
      if (payload.op === 'write') return `ok (v${payload.version ?? '?'})`;
      return payload.value === null ? 'not found' : `${quote(payload.value)} from ${payload.source}`;
    case 'cache command':
      return payload.argv.map(argument).join(' ');
    case 'cache reply':
    case 'cache push':
      return formatReplyInline(payload.reply);
    case 'db query':
      return payload.query === 'select'
        ? `SELECT ${payload.key}`
        : `UPDATE ${payload.key} = ${quote(payload.value)}`;
    case 'db result':
      if (payload.row === null) return 'no row';
      return payload.query === 'update'
        ? `committed v${payload.row.version}`
        : `${quote(payload.row.value)} v${payload.row.version}`;
  }
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Quotes an argument the way redis-cli would need it typed: only when it holds spaces or quotes. */
function argument(value: string): string {
  return /^[^\s"'\\]+$/.test(value) ? value : JSON.stringify(value);
}
