/** A Redis reply, by RESP type. */
export type Reply =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: Reply[] };

export const OK: Reply = { type: 'status', value: 'OK' };
export const NIL: Reply = { type: 'bulk', value: null };

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
      return reply.value === null ? '(nil)' : JSON.stringify(reply.value);
    case 'array':
      return reply.value.length === 0 ? '(empty array)' : reply.value.map(formatReplyInline).join(' ');
  }
}
