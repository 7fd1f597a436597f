import { describe, expect, it } from 'vitest';
import { runSimCli } from '../../scripts/lib/simCli.ts';
import { parseLabSettings, runLab } from '../../src/engine/index.ts';
import { getLabScenario } from '../../src/content/labs/index.ts';

function lab(...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimCli(['lab', ...flags], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sim -- lab', () => {
  it('--json: one object with the settings, summary, totals and the series, as the lab runs it', () => {
    const { code, out, err } = lab(
      ...['--scenario', 'stampede', '--set', 'protection=xfetch', '--set=beta=2', '--seed', '7', '--json'],
    );
    expect([code, err]).toEqual([0, '']);
    const printed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['scenario', 'seed', 'settings', 'summary', 'totals', 'series']);
    const stampede = getLabScenario('stampede')!;
    const expected = runLab(
      stampede,
      parseLabSettings(stampede, { protection: 'xfetch', beta: '2' }).values,
      7,
    );
    expect(printed).toEqual({
      scenario: 'stampede',
      seed: 7,
      settings: {
        protection: 'xfetch',
        'lock-ttl': 1000,
        'retry-delay': 50,
        'max-retries': 5,
        beta: 2,
        stale: 5,
        rate: 500,
        query: 200,
        ttl: 10,
      },
      summary: expected.summary,
      totals: expected.totals,
      series: expected.buckets,
    });
    expect((printed.series as unknown[]).length).toBe(61);
  });

  it('without --json: a summary people can read, with the Bloom filter’s m, k and rates', () => {
    const { code, out } = lab(
      '--scenario',
      'penetration',
      '--set',
      'protection=bloom-filter',
      '--set',
      'fp-rate=5',
    );
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Penetration: reads for ids that exist nowhere (seed 1, 61 s)',
        'requests           49,644',
        'Redis hit ratio    96.8%',
        'DB queries         971; busiest second 37 at 27 s',
        'p99 latency        49 ms',
        'stale reads        0',
        'Bloom filter       m = 62,353 bits, k = 4, n = 10,000; false positives: formula 5.0%, measured 4.8% (963 of 19,935 absent-id reads passed)',
        '(--json prints the totals and the series per second)',
      ].join('\n'),
    );
  });

  it('--list: every lab scenario and its settings with ranges and defaults', () => {
    const { code, out } = lab('--list');
    expect(code).toBe(0);
    expect(out).toContain('stampede: Stampede: one hot key, a slow query');
    expect(out).toContain('  --set beta=<0.1…10>  default 1 (with protection=xfetch): XFetch β');
    expect(out).toContain(
      '  --set protection=<none | null-caching | bloom-filter>  default none: Protection',
    );
  });

  it.each([
    [['--set', 'ttl=5'], '--scenario <id> is required (one of avalanche, stampede, penetration, steady)'],
    [
      ['--scenario', 'stampeed'],
      '--scenario: no lab scenario "stampeed"; known: avalanche, stampede, penetration, steady',
    ],
    [['--scenario', 'stampede', '--rate', '5'], 'unknown flag --rate'],
    [
      ['--scenario', 'stampede', '--set', 'rate'],
      '--set: "rate" is not name=value (settings of stampede: see --list)',
    ],
    [['--scenario', 'stampede', '--set', 'rate=5', '--set', 'rate=6'], '--set: rate is given twice'],
    [
      ['--scenario', 'stampede', '--set', 'rate=fast'],
      '--set rate: Reads per second must be a whole number from 10 to 2000 requests/s; got "fast".',
    ],
    [
      ['--scenario', 'stampede', '--set', 'beta=2'],
      '--set beta: XFetch β is not used with these settings (it needs protection = xfetch).',
    ],
    [
      ['--scenario', 'stampede', '--set', 'colour=red'],
      '--set colour: The stampede lab has no setting "colour"',
    ],
    [['--scenario', 'stampede', '--seed', '-1'], '--seed: "-1" is not a whole number from 0 to 4294967295'],
    [['--scenario', 'stampede', '--json=yes'], '--json takes no value'],
    [['--list', '--scenario', 'stampede'], '--list takes no other flag'],
    [['stampede'], 'unexpected argument "stampede"'],
  ])('bad arguments %j: a message naming what is wrong, the usage, exit 2', (flags, message) => {
    const { code, out, err } = lab(...flags);
    expect([code, out]).toEqual([2, '']);
    expect(err).toContain(`sim: ${message}`);
    expect(err).toContain(
      'npm run sim -- lab --scenario <id> [--set <name>=<value> …] [--seed <S>] [--json]',
    );
  });
});
