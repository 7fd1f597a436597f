import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type TimedFault, type Trace } from '../../../src/engine/index.ts';
import { cacheAsideRead } from '../../../src/content/scenarios/cache-aside-read.ts';

// Faults as data: each kind applied at a virtual time to the first two reads of cache-aside-read,
// and the same faults as interventions at a step, which is how the player forks a run.

const twoReads: Scenario = { ...cacheAsideRead, script: cacheAsideRead.script.slice(0, 2) };
const run = (faults: TimedFault[], seed = 1): Trace =>
  runScenario({ ...twoReads, faults }, { seed, record: 'frames' });
const lines = (trace: Trace) => trace.frames.map((f) => `${f.time} ${f.actor ?? '-'} ${f.narration.key}`);

describe('faults at a virtual time', () => {
  it('crash: the node is down, a message that reaches it is lost, and a restart brings it back empty', () => {
    const trace = run([
      { atMs: 10, fault: { kind: 'crash', node: 'app' } },
      { atMs: 100, fault: { kind: 'restart', node: 'app' } },
    ]);
    expect(lines(trace)).toEqual([
      '0 - run.start',
      '0 browser client.read.send',
      '10 - fault.crash.app',
      '16 app fault.lost.down',
      '100 - fault.restart',
      // The first request is lost with the node, so the browser is still waiting for its reply.
      '500 browser client.queue',
      '500 - run.end',
    ]);
    expect(trace.frames[2]!.actors.app!.state).toBe('down');
    expect(trace.frames[4]!.actors.app!.state).toBe('up');
    expect(trace.frames[2]!.cause).toEqual({ kind: 'fault applied', fault: { kind: 'crash', node: 'app' } });
  });

  it('partition: messages across the cut are lost until it heals; the frames show the groups', () => {
    const trace = run([
      { atMs: 0, fault: { kind: 'partition', nodes: ['cache'] } },
      { atMs: 200, fault: { kind: 'heal' } },
    ]);
    expect(lines(trace)).toEqual([
      '0 - run.start',
      '0 - fault.partition',
      '0 browser client.read.send',
      '16 app app.read.start',
      '17 cache fault.lost.partition',
      '200 - fault.heal',
      '500 browser client.queue',
      '500 - run.end',
    ]);
    expect(trace.frames[1]!.partitions).toEqual([['cache']]);
    expect(trace.frames[5]!.partitions).toEqual([]);
  });

  it('drop next message: only the next one on that link is lost', () => {
    const trace = run([{ atMs: 0, fault: { kind: 'drop next message', from: 'browser', to: 'app' } }]);
    expect(lines(trace).slice(1, 4)).toEqual([
      '0 - fault.drop-next',
      '0 browser client.read.send',
      '16 app fault.lost.dropped',
    ]);
    expect(trace.frames[3]!.narration.params).toEqual({
      message: 'read user:42:email',
      from: 'browser',
      to: 'app',
    });
  });

  it('delay link and slow database: the same steps, later', () => {
    const plain = lines(run([]));
    const delayed = lines(run([{ atMs: 0, fault: { kind: 'delay link', a: 'app', b: 'db', extraMs: 100 } }]));
    const slow = lines(run([{ atMs: 0, fault: { kind: 'slow database', extraMs: 50 } }]));
    const keysOf = (l: string[]) => l.map((line) => line.split(' ').slice(1).join(' '));
    expect(keysOf(delayed)).toEqual(keysOf([plain[0]!, '0 - fault.delay', ...plain.slice(1)]));
    expect(keysOf(slow)).toEqual(keysOf([plain[0]!, '0 - fault.slow-db', ...plain.slice(1)]));
    // The SELECT reaches the database 100 ms late; the slowed query takes 8 + 50 ms.
    expect(delayed).toContain('123 db db.select.start');
    expect(slow).toEqual(expect.arrayContaining(['23 db db.select.start', '81 db db.select.row']));
  });

  it('names a fault that cannot apply instead of failing', () => {
    const trace = run([
      { atMs: 0, fault: { kind: 'restart', node: 'app' } },
      { atMs: 1, fault: { kind: 'crash', node: 'browser' } },
    ]);
    expect(lines(trace).slice(1, 3)).toEqual(['0 - fault.restart.running', '0 browser client.read.send']);
    expect(lines(trace)[3]).toBe('1 - fault.crash.client');
  });

  it('rejects a scenario whose fault names an actor that does not exist', () => {
    expect(() => run([{ atMs: 0, fault: { kind: 'crash', node: 'nowhere' } }])).toThrow(
      'scenario "cache-aside-read": fault 0 (crash) names unknown actor "nowhere"',
    );
  });
});

describe('faults as interventions (forks)', () => {
  const crashAfterStep = (atStep: number, seed = 1) =>
    runScenario(twoReads, {
      seed,
      record: 'frames',
      interventions: [{ atStep, fault: { kind: 'crash', node: 'cache' } }],
    });

  it('applies the fault right after the given step, as a step of its own, and replays exactly', () => {
    const original = runScenario(twoReads, { seed: 1, record: 'frames' });
    const fork = crashAfterStep(8);
    // Up to the step the learner picked, the fork is the original run.
    expect(fork.frames.slice(0, 9).map((f) => f.narration)).toEqual(
      original.frames.slice(0, 9).map((f) => f.narration),
    );
    expect(fork.frames[9]!.narration.key).toBe('fault.crash.cache');
    expect(fork.frames[9]!.actors.cache!.state).toBe('down');
    expect(JSON.stringify(crashAfterStep(8))).toBe(JSON.stringify(fork));
  });

  it('counts steps the same way in a metrics run, so the fork lands at the same point', () => {
    const frames = crashAfterStep(8);
    const metrics = runScenario(twoReads, {
      seed: 1,
      record: 'metrics',
      interventions: [{ atStep: 8, fault: { kind: 'crash', node: 'cache' } }],
    });
    expect(metrics.totals).toEqual(frames.totals);
  });
});
