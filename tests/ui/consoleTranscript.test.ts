import { describe, expect, it } from 'vitest';
import type { ConsoleExchange, Reply } from '../../src/engine/index.ts';
import { isSubscribed, transcriptOf } from '../../src/ui/console/transcript.ts';

const bulk = (value: string): Reply => ({ type: 'bulk', value });
const confirmation = (kind: string, channel: string, count: number): Reply => ({
  type: 'array',
  value: [bulk(kind), bulk(channel), { type: 'integer', value: String(count) }],
});

describe('the console transcript', () => {
  const subscribe: ConsoleExchange = {
    requestId: -1,
    argv: ['SUBSCRIBE', 'news'],
    answeredStep: 4,
    // The confirmation, then a message someone published, pushed to the console.
    replies: [
      confirmation('subscribe', 'news', 1),
      { type: 'array', value: [bulk('message'), bulk('news'), bulk('hi')] },
    ],
  };

  it('prints replies and pushed messages under the line that was typed, as redis-cli does', () => {
    const entries = transcriptOf(
      [
        { id: 1, input: 'HELP', kind: 'local', lines: ['help text'], tone: 'info' },
        { id: 2, input: 'SUBSCRIBE news', kind: 'sent', requestIds: [-1] },
      ],
      [subscribe],
    );
    expect(entries).toEqual([
      { id: 1, input: 'HELP', lines: ['help text'], tone: 'info' },
      {
        id: 2,
        input: 'SUBSCRIBE news',
        lines: ['1) "subscribe"', '2) "news"', '3) (integer) 1', '1) "message"', '2) "news"', '3) "hi"'],
        tone: 'reply',
      },
    ]);
  });

  it('marks an error reply, and shows a sent line with no reply yet as just the line', () => {
    const error: ConsoleExchange = {
      requestId: -2,
      argv: ['FLY'],
      answeredStep: 5,
      replies: [{ type: 'error', value: 'ERR nope' }],
    };
    expect(transcriptOf([{ id: 1, input: 'FLY', kind: 'sent', requestIds: [-2] }], [error])[0]).toMatchObject(
      {
        lines: ['(error) ERR nope'],
        tone: 'error',
      },
    );
    expect(transcriptOf([{ id: 1, input: 'PING', kind: 'sent', requestIds: [-9] }], [])[0]).toMatchObject({
      lines: [],
    });
  });

  it('knows the console is subscribed until the last confirmation counts zero', () => {
    expect(isSubscribed([])).toBe(false);
    expect(isSubscribed([subscribe])).toBe(true);
    const unsubscribe: ConsoleExchange = {
      requestId: -2,
      argv: ['UNSUBSCRIBE'],
      answeredStep: 9,
      replies: [confirmation('unsubscribe', 'news', 0)],
    };
    expect(isSubscribed([subscribe, unsubscribe])).toBe(false);
  });
});
