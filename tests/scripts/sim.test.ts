import { describe, expect, it } from 'vitest';
import { runSimCli } from '../../scripts/lib/simCli.ts';
import { runScenario, type Trace } from '../../src/engine/index.ts';
import { cacheAsideRead } from '../../src/content/scenarios/cache-aside-read.ts';
import { scenarios } from '../../src/content/scenarios/index.ts';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sim', () => {
  it('scenarios: lists every scenario id, one per line', () => {
    expect(cli('scenarios')).toEqual({ code: 0, out: scenarios.map((s) => s.id).join('\n'), err: '' });
  });

  it('trace: prints the same trace the engine computes, as JSON', () => {
    const { code, out } = cli('trace', '--scenario', 'cache-aside-read', '--seed', '3');
    expect(code).toBe(0);
    const trace = JSON.parse(out) as Trace;
    expect(trace).toEqual(runScenario(cacheAsideRead, { seed: 3, record: 'frames' }));
    expect(trace.totals.requests).toBe(3);
  });

  it('trace: accepts --name=value and --record metrics', () => {
    const trace = JSON.parse(cli('trace', '--scenario=cache-aside-read', '--record=metrics').out) as Trace;
    expect(trace.frames).toEqual([]);
    expect(trace.seed).toBe(1);
  });

  it('race: one line per interleaving, then how many end stale', () => {
    const { code, out } = cli('race', '--scenario', 'race-fix-double-delete');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.filter((line) => line.startsWith('stale'))).toEqual([
      'stale  1.1.2.2.2.1  Bob GET miss | Bob SELECT v1 | Alice COMMIT v2 | Alice DEL | Alice DEL | Bob SET v1',
    ]);
    expect(lines.at(-1)).toBe('1 of 20 interleavings end stale (every interleaving)');
  });

  it.each([
    [['race', '--scenario', 'cache-aside-read'], 'No two clients'],
    [['trace', '--scenari', 'x'], 'unknown flag --scenari'],
    [['trace'], '--scenario <id> is required'],
    [['trace', '--scenario', 'nope'], '--scenario: no scenario "nope"'],
    [['trace', '--scenario', 'cache-aside-read', '--seed', 'abc'], '--seed: "abc" is not a whole number'],
    [['trace', '--scenario', 'cache-aside-read', '--seed', '4294967296'], '--seed: "4294967296"'],
    [['trace', '--scenario', 'cache-aside-read', '--record', 'all'], '--record: "all"'],
    [['trace', '--scenario'], '--scenario needs a value'],
    [['fly'], 'unknown command "fly"'],
    [[], 'no command given'],
    [['scenarios', 'extra'], 'unexpected argument "extra"'],
  ])('%j exits 2 with a usage message naming the problem', (argv, problem) => {
    const { code, out, err } = cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(problem);
    expect(err).toContain('usage:');
  });
});
