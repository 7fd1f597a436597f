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
      if (!payload.ok) return payload.value ?? 'failed';
      switch (payload.op) {
        case 'write':
          return payload.version === null ? 'ok' : `ok (v${payload.version})`;
        case 'read':
          return payload.value === null ? 'not found' : `${quote(payload.value)} from ${payload.source}`;
        case 'login':
          return `session ${payload.value ?? ''}`;
        case 'page':
          return `page for ${payload.value ?? ''}`;
        case 'chat':
          return 'posted';
      }
      break;
    case 'cache command':
      return payload.argv.map(argument).join(' ');
    case 'cache reply':
    case 'cache push':
      return formatReplyInline(payload.reply);
    case 'db query':
      switch (payload.query) {
        case 'select':
          return `SELECT ${payload.key}`;
        case 'update':
          return payload.outbox === undefined
            ? `UPDATE ${payload.key} = ${quote(payload.value)}`
            : `UPDATE ${payload.key} = ${quote(payload.value)} + outbox row`;
        case 'update batch':
          return `UPDATE ${payload.rows.length} ${payload.rows.length === 1 ? 'row' : 'rows'} (batch)`;
        case 'outbox pending':
          return 'SELECT unpublished outbox rows';
        case 'outbox published':
          return `mark ${payload.eventId} published`;
      }
      break;
    case 'db result':
      switch (payload.query) {
        case 'select':
        case 'update':
          if (payload.row === null) return payload.error ?? 'no row';
          return payload.query === 'update'
            ? `committed v${payload.row.version}`
            : `${quote(payload.row.value)} v${payload.row.version}`;
        case 'update batch':
          return `committed ${payload.rows.length} ${payload.rows.length === 1 ? 'row' : 'rows'}`;
        case 'outbox pending':
          return `${payload.events.length} unpublished`;
        case 'outbox published':
          return 'marked';
      }
      break;
    case 'outbox row':
      return `new outbox row ${payload.event.eventId}`;
    case 'event publish':
      return `publish ${payload.event.eventId}`;
    case 'event stored':
      return 'stored';
    case 'event delivery':
      return `${payload.event.eventId} (attempt ${payload.attempt})`;
    case 'event result':
      return payload.outcome;
    case 'dead letter':
      return `dead letter ${payload.event.eventId}`;
    case 'login request':
      return `log in as ${payload.user}`;
    case 'page request':
      return payload.session === null
        ? `GET /${payload.page} (no cookie)`
        : `GET /${payload.page} (cookie ${payload.session})`;
    case 'chat post':
      return `post ${quote(payload.text)} to ${payload.room}`;
    case 'chat message':
      return quote(payload.text);
  }
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Quotes an argument the way redis-cli would need it typed: only when it holds spaces or quotes. */
function argument(value: string): string {
  return /^[^\s"'\\]+$/.test(value) ? value : JSON.stringify(value);
}
