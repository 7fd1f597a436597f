import { describe, expect, it } from 'vitest';
import { executeCommand } from '../../../src/engine/redis/commands.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import { Connection } from '../../../src/engine/redis/pubsub.ts';
import { formatReplyInline } from '../../../src/engine/redis/reply.ts';

describe('publish / subscribe across connections', () => {
  it('PUBLISH returns the number of receivers and pushes message and pmessage arrays', () => {
    const keyspace = new Keyspace(() => 0);
    const alice = new Connection();
    const bob = new Connection();
    const publisher = new Connection();
    const on = (connection: Connection, ...argv: string[]) =>
      executeCommand(keyspace, argv, { connection }).reply;
    expect(on(alice, 'SUBSCRIBE', 'news')).toBeNull();
    expect(alice.drain().map(formatReplyInline)).toEqual(['"subscribe" "news" (integer) 1']);
    on(bob, 'PSUBSCRIBE', 'n*');
    on(bob, 'SUBSCRIBE', 'news');
    bob.drain();
    expect(on(publisher, 'PUBLISH', 'news', 'hello')).toEqual({ type: 'integer', value: '3' });
    expect(alice.drain().map(formatReplyInline)).toEqual(['"message" "news" "hello"']);
    expect(bob.drain().map(formatReplyInline)).toEqual([
      '"message" "news" "hello"',
      '"pmessage" "n*" "news" "hello"',
    ]);
    expect(on(publisher, 'PUBLISH', 'other', 'x')).toEqual({ type: 'integer', value: '0' });
    expect(on(alice, 'GET', 'k')).toEqual({
      type: 'error',
      value:
        "ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
    });
    on(alice, 'UNSUBSCRIBE');
    expect(on(publisher, 'PUBLISH', 'news', 'again')).toEqual({ type: 'integer', value: '2' });
    expect(alice.drain().map(formatReplyInline)).toEqual(['"unsubscribe" "news" (integer) 0']);
  });
});
