import { describe, expect, it } from 'vitest';
import {
  consoleExchanges,
  formatReplyCli,
  runScenario,
  type ConsoleCommand,
  type Trace,
} from '../../src/engine/index.ts';
import { cacheAsideRead } from '../../src/content/scenarios/cache-aside-read.ts';
import { cacheAsideWrite } from '../../src/content/scenarios/cache-aside-write.ts';

const run = (console: ConsoleCommand[], scenario = cacheAsideRead, seed = 1): Trace =>
  runScenario(scenario, { seed, record: 'frames', console });
const printed = (trace: Trace) =>
  consoleExchanges(trace).map((e) => [e.argv.join(' '), e.replies.map((r) => formatReplyCli(r))]);

describe('the console in a run', () => {
  it('sends a typed command to the cache as a packet and gets Redis’s reply back', () => {
    const base = run([]);
    const trace = run([{ atStep: 10, argv: ['SET', 'user:1', 'Alice', 'EX', '60'] }]);
    // Everything before the command is the same run.
    expect(trace.frames.slice(0, 11).map((f) => f.narration)).toEqual(
      base.frames.slice(0, 11).map((f) => f.narration),
    );
    expect(trace.actors.at(-1)).toEqual({ id: 'console', kind: 'console', label: 'Your console' });
    expect(trace.edges).toContainEqual({ a: 'console', b: 'cache' });

    const sent = trace.frames[11]!;
    expect(sent.cause).toEqual({ kind: 'operation issued', actor: 'console' });
    expect(sent.narration).toEqual({ key: 'console.send', params: { command: 'SET user:1 Alice EX 60' } });
    expect(sent.inFlight.map((m) => [m.from, m.to, m.label])).toContainEqual([
      'console',
      'cache',
      'SET user:1 Alice EX 60',
    ]);

    const [exchange] = consoleExchanges(trace);
    expect(exchange).toMatchObject({ requestId: -1, argv: ['SET', 'user:1', 'Alice', 'EX', '60'] });
    const ran = trace.frames[exchange!.answeredStep]!;
    expect(ran.cache.find((r) => r.key === 'user:1')).toMatchObject({
      value: 'Alice',
      ttlRemainingMs: 60_000,
    });
    expect(printed(trace)).toEqual([['SET user:1 Alice EX 60', ['OK']]]);
  });

  it('answers GET, TTL and errors exactly as redis-cli prints them', () => {
    const trace = run([
      { atStep: 10, argv: ['SET', 'user:1', 'Alice', 'EX', '60'] },
      { atStep: 10, argv: ['GET', 'user:1'] },
      { atStep: 10, argv: ['TTL', 'user:1'] },
      { atStep: 10, argv: ['GET', 'user:42:email'] },
      { atStep: 10, argv: ['INCR', 'user:1'] },
      { atStep: 10, argv: ['FLY'] },
    ]);
    expect(printed(trace)).toEqual([
      ['SET user:1 Alice EX 60', ['OK']],
      ['GET user:1', ['"Alice"']],
      ['TTL user:1', ['(integer) 60']],
      ['GET user:42:email', ['"ada@example.com"']],
      ['INCR user:1', ['(error) ERR value is not an integer or out of range']],
      ['FLY', ["(error) ERR unknown command 'FLY', with args beginning with: "]],
    ]);
  });

  it('a command typed after the last event still runs, and the run is reproducible', () => {
    const last = run([]).frames.length - 1;
    const commands = [{ atStep: last, argv: ['DBSIZE'] }];
    const trace = run(commands);
    expect(printed(trace)).toEqual([['DBSIZE', ['(integer) 1']]]);
    expect(trace.frames.at(-1)!.narration.key).toBe('run.end');
    expect(run(commands)).toEqual(trace);
  });

  it('a DEL from the console changes what the app reads next', () => {
    // In the write scenario, deleting the fresh key before the read forces one more miss.
    const base = runScenario(cacheAsideWrite, { seed: 1, record: 'frames' });
    const trace = run([{ atStep: 1, argv: ['DEL', 'user:42:email'] }], cacheAsideWrite);
    expect(printed(trace)).toEqual([['DEL user:42:email', ['(integer) 1']]]);
    expect(trace.totals.misses).toBe(base.totals.misses);
    expect(trace.frames.some((f) => f.narration.key === 'cache.del.absent')).toBe(true);
  });

  it('SUBSCRIBE to two channels prints both confirmations; then only pub/sub commands are allowed', () => {
    const trace = run([
      { atStep: 3, argv: ['SUBSCRIBE', 'news', 'alerts'] },
      { atStep: 3, argv: ['PUBLISH', 'news', 'hello'] },
    ]);
    const [subscribe, publish] = consoleExchanges(trace);
    expect(subscribe!.replies.map((r) => formatReplyCli(r))).toEqual([
      '1) "subscribe"\n2) "news"\n3) (integer) 1',
      '1) "subscribe"\n2) "alerts"\n3) (integer) 2',
    ]);
    // Redis answers PUBLISH from a subscribed RESP2 connection with an error, as redis-cli would show.
    expect(publish!.replies.map((r) => r.type)).toEqual(['error']);
  });
});
