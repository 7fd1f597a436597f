/**
 * A tiny RESP2 client over node:net, for the conformance suite: it sends commands as arrays of
 * bulk strings and decodes replies into the engine's `Reply` shape, so status, bulk, integer,
 * error and array replies compare exactly. Bytes travel as latin1 strings (one char per byte),
 * the keyspace's own representation.
 */
import { connect, type Socket } from 'node:net';
import type { Reply } from '../../../../src/engine/redis/reply.ts';

export class RespClient {
  private buffer = '';
  private readonly waiting: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  static open(port: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RespClient(socket)));
      socket.once('error', reject);
    });
  }

  send(argv: readonly string[]): void {
    let out = `*${argv.length}\r\n`;
    for (const arg of argv) out += `$${Buffer.byteLength(arg, 'latin1')}\r\n${arg}\r\n`;
    this.socket.write(out, 'latin1');
  }

  /** The next reply, or an error after `timeoutMs` without one. */
  async read(timeoutMs = 2000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = parseReply(this.buffer, 0);
      if (parsed !== null) {
        this.buffer = this.buffer.slice(parsed.end);
        return parsed.reply;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no reply from redis-server in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Whatever arrived and was not read: should be empty after each command. */
  get unread(): string {
    return this.buffer;
  }

  close(): void {
    this.socket.destroy();
  }
}

function parseReply(buf: string, at: number): { reply: Reply; end: number } | null {
  const lineEnd = buf.indexOf('\r\n', at);
  if (lineEnd === -1) return null;
  const kind = buf[at];
  const line = buf.slice(at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (kind) {
    case '+':
      return { reply: { type: 'status', value: line }, end: next };
    case '-':
      return { reply: { type: 'error', value: line }, end: next };
    case ':':
      return { reply: { type: 'integer', value: line }, end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { reply: { type: 'bulk', value: null }, end: next };
      if (buf.length < next + length + 2) return null;
      return { reply: { type: 'bulk', value: buf.slice(next, next + length) }, end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { reply: { type: 'bulk', value: null }, end: next };
      const items: Reply[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, end);
        if (item === null) return null;
        items.push(item.reply);
        end = item.end;
      }
      return { reply: { type: 'array', value: items }, end };
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(kind)}`);
  }
}
