import { describe, expect, it } from 'vitest';
import { type Frame } from '../../../src/engine/index.ts';
import { chatFanout } from '../../../src/content/scenarios/pubsub/chat-fanout.ts';
import { frameSaying, run, steps } from '../traceHelpers.ts';

const chatOf = (f: Frame, client: string) => f.actors[client]!.holds ?? [];

describe('chat-fanout at seed 1', () => {
  const trace = run(chatFanout);

  it('fans a post out to every node; Node C misses the post made while it is down', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '1 cache cache.command.from -',
      '2 cache cache.command.from -',
      '2 cache cache.command.from -',
      '3 app-b app.subscribed subscribe',
      '3 app-c app.subscribed subscribe',
      '4 app-a app.subscribed subscribe',
      '500 alice client.chat.send -',
      '516 app-a app.chat.publish chat-publish',
      '518 cache cache.command.from chat-publish',
      '519 app-a app.chat.published chat-publish',
      '519 app-a app.chat.fanout chat-fanout',
      '519 app-c app.chat.fanout chat-fanout',
      '520 app-b app.chat.fanout chat-fanout',
      '530 alice client.chat.done chat-publish',
      '531 carol client.chat.received -',
      '531 bob client.chat.received -',
      '533 alice client.chat.received -',
      '1000 - fault.crash.app -',
      '1500 bob client.chat.send -',
      '1515 app-b app.chat.publish chat-publish',
      '1516 cache cache.command.from chat-publish',
      '1517 app-b app.chat.published chat-publish',
      '1517 app-a app.chat.fanout chat-fanout',
      '1518 app-b app.chat.fanout chat-fanout',
      '1527 alice client.chat.received -',
      '1529 bob client.chat.done chat-publish',
      '1532 bob client.chat.received -',
      '2000 - fault.restart -',
      '2002 cache cache.command.from -',
      '2004 app-c app.subscribed subscribe',
      '3000 alice client.chat.send -',
      '3013 app-a app.chat.publish chat-publish',
      '3014 cache cache.command.from chat-publish',
      '3015 app-c app.chat.fanout chat-fanout',
      '3016 app-a app.chat.published chat-publish',
      '3016 app-b app.chat.fanout chat-fanout',
      '3016 app-a app.chat.fanout chat-fanout',
      '3030 alice client.chat.done chat-publish',
      '3032 carol client.chat.received -',
      '3034 bob client.chat.received -',
      '3036 alice client.chat.received -',
      '3036 - run.end -',
    ]);
  });

  it('delivers each message to the sockets of the nodes subscribed at the time, and never replays', () => {
    const first = frameSaying(trace, 'client.chat.received', 2);
    for (const client of ['alice', 'bob', 'carol'])
      expect(chatOf(first, client)).toEqual(['chat: alice: hello everyone']);
    // Node C's subscription closed with its crash: Redis pushes Bob's post to two nodes, not three.
    expect(frameSaying(trace, 'app.chat.published', 1).narration.params).toMatchObject({ count: 2 });
    expect(
      trace.frames.some((f) =>
        f.inFlight.some((m) => m.to === 'app-c' && m.label.includes('is Carol here?')),
      ),
    ).toBe(false);
    const last = trace.frames.at(-1)!;
    const everything = [
      'chat: alice: hello everyone',
      'chat: bob: is Carol here?',
      'chat: alice: welcome back',
    ];
    expect(chatOf(last, 'alice')).toEqual(everything);
    expect(chatOf(last, 'bob')).toEqual(everything);
    expect(chatOf(last, 'carol')).toEqual(['chat: alice: hello everyone', 'chat: alice: welcome back']);
    expect(frameSaying(trace, 'app.subscribed', 3)).toMatchObject({ actor: 'app-c', time: 2004 });
  });
});
