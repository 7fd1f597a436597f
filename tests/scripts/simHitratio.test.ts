import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimCli } from '../../scripts/lib/simCli.ts';
import { simulateHitRatio } from '../../src/engine/load/hitRatio.ts';
import { zipfTrace } from '../../src/engine/load/zipf.ts';

const dir = mkdtempSync(join(tmpdir(), 'sim-hitratio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function traceFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function hitratio(...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimCli(['hitratio', ...flags], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sim -- hitratio', () => {
  it('--trace: one key per line (CRLF and blank lines too), one JSON object with the keys in order', () => {
    const file = traceFile('abc.txt', 'a\r\nb\r\na\r\n\r\nc\r\nb\r\nc\r\n');
    expect(hitratio('--policy', 'fifo', '--size', '2', '--trace', file)).toEqual({
      code: 0,
      err: '',
      out: '{"policy":"fifo","size":2,"requests":6,"hits":3,"misses":3,"missRatio":0.5}',
    });
    expect(hitratio('--policy=lru', '--size=2', `--trace=${file}`).out).toBe(
      '{"policy":"lru","size":2,"requests":6,"hits":2,"misses":4,"missRatio":0.6666666666666666}',
    );
  });

  it('--zipf: the engine simulation of that trace, cold misses counted', () => {
    const { code, out } = hitratio(
      ...['--policy', 'lru', '--size', '100', '--zipf', '0.8', '--keys', '1000', '--requests', '20000'],
      ...['--seed', '9'],
    );
    expect(code).toBe(0);
    const expected = simulateHitRatio({
      policy: 'lru',
      size: 100,
      keys: zipfTrace({ alpha: 0.8, keys: 1000, requests: 20_000, seed: 9 }),
      seed: 9,
    });
    expect(JSON.parse(out)).toEqual(expected);
    expect(Object.keys(JSON.parse(out) as object)).toEqual([
      'policy',
      'size',
      'requests',
      'hits',
      'misses',
      'missRatio',
    ]);
    expect(expected.misses).toBeGreaterThanOrEqual(100);
  });

  it('--sizes: one line per size, each a fresh cache over the same trace, and the same output every run', () => {
    const flags = ['--policy', 'redis-lfu', '--sizes', '50,100,200', '--zipf', '1', '--keys', '500'];
    const { code, out } = hitratio(...flags, '--requests', '10000');
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => JSON.parse(line) as { size: number; missRatio: number });
    expect(lines.map((l) => l.size)).toEqual([50, 100, 200]);
    expect(lines[0]!.missRatio).toBeGreaterThan(lines[2]!.missRatio);
    expect(hitratio(...flags, '--requests', '10000').out).toBe(out);
  });

  const file = traceFile('keys.txt', 'a\nb\n');
  it.each([
    ['--policy <lru|lfu|fifo|random|redis-lru|redis-lfu> is required', ['--size', '2', '--trace', file]],
    ['--policy: "mru" is not one of lru, lfu, fifo', ['--policy', 'mru', '--size', '2', '--trace', file]],
    ['--trace and --zipf', ['--policy', 'lru', '--size', '2', '--trace', file, '--zipf', '1']],
    ['--trace <file> or --zipf <alpha>', ['--policy', 'lru', '--size', '2']],
    ['--size: "ten" is not a whole number', ['--policy', 'lru', '--size', 'ten', '--trace', file]],
    ['--size: "0" is not a whole number ≥ 1', ['--policy', 'lru', '--size', '0', '--trace', file]],
    ['--sizes: "x" is not a whole number', ['--policy', 'lru', '--sizes', '5,x', '--trace', file]],
    ['--size and --sizes', ['--policy', 'lru', '--size', '2', '--sizes', '5', '--trace', file]],
    ['--size <keys>', ['--policy', 'lru', '--trace', file]],
    ['--zipf: "0"', ['--policy', 'lru', '--size', '2', '--zipf', '0', '--keys', '9', '--requests', '9']],
    ['--zipf: "-1"', ['--policy', 'lru', '--size', '2', '--zipf', '-1', '--keys', '9', '--requests', '9']],
    ['--zipf: "x"', ['--policy', 'lru', '--size', '2', '--zipf', 'x', '--keys', '9', '--requests', '9']],
    ['--zipf needs --keys', ['--policy', 'lru', '--size', '2', '--zipf', '1', '--requests', '9']],
    ['--zipf needs --requests', ['--policy', 'lru', '--size', '2', '--zipf', '1', '--keys', '9']],
    ['--keys applies only to --zipf', ['--policy', 'lru', '--size', '2', '--trace', file, '--keys', '9']],
    ['--seed: "-3"', ['--policy', 'lru', '--size', '2', '--trace', file, '--seed', '-3']],
    ['--trace: cannot read', ['--policy', 'lru', '--size', '2', '--trace', join(dir, 'missing.txt')]],
    ['holds no keys', ['--policy', 'lru', '--size', '2', '--trace', traceFile('empty.txt', '\n')]],
    ['unknown flag --ttl', ['--policy', 'lru', '--size', '2', '--trace', file, '--ttl', '5']],
    ['--trace needs a value', ['--policy', 'lru', '--size', '2', '--trace']],
  ])('bad arguments print the usage naming the problem (%s) and exit 2', (message, flags) => {
    const { code, out, err } = hitratio(...flags);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('npm run sim -- hitratio --policy');
  });
});
