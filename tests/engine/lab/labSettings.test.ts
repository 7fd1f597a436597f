import { describe, expect, it } from 'vitest';
import {
  activeParameters,
  buildLabScenario,
  CACHE_ASIDE,
  labDefaults,
  parseLabSettings,
  type LabScenario,
} from '../../../src/engine/index.ts';
import { labScenario, steadyLoad } from '../sim/labScenario.ts';

/** A small lab with a choice, a number that depends on it, and a scaled number with two paths. */
const lab: LabScenario = {
  id: 'demo',
  title: 'Demo',
  summary: 'A lab to test settings with.',
  lesson: 'stampede',
  headline: 'dbQueries',
  base: labScenario(
    { ...steadyLoad(10, 1), warmUp: { atMs: 0, keys: 'all', ttlSeconds: 5 } },
    { strategy: { ...CACHE_ASIDE, ttlSeconds: 5, stampede: { kind: 'none' } } },
  ),
  parameters: [
    {
      kind: 'choice',
      name: 'protection',
      label: 'Protection',
      help: 'h',
      default: 'none',
      choices: [
        { value: 'none', label: 'None', set: { 'strategy.stampede': { kind: 'none' } } },
        { value: 'xfetch', label: 'XFetch', set: { 'strategy.stampede': { kind: 'xfetch', beta: 1 } } },
      ],
    },
    {
      kind: 'number',
      name: 'beta',
      label: 'XFetch β',
      help: 'h',
      unit: '',
      min: 0.1,
      max: 10,
      integer: false,
      default: 1,
      paths: ['strategy.stampede.beta'],
      when: { parameter: 'protection', is: ['xfetch'] },
    },
    {
      kind: 'number',
      name: 'ttl',
      label: 'TTL',
      help: 'h',
      unit: 's',
      min: 1,
      max: 60,
      integer: true,
      default: 5,
      paths: ['strategy.ttlSeconds', 'load.warmUp.ttlSeconds'],
    },
    {
      kind: 'number',
      name: 'duration',
      label: 'Duration',
      help: 'h',
      unit: 's',
      min: 1,
      max: 10,
      integer: true,
      default: 1,
      paths: ['load.durationMs'],
      scale: 1000,
    },
  ],
};

describe('a lab’s settings', () => {
  it('start at their defaults; a parameter with a `when` is in use only while it holds', () => {
    expect(labDefaults(lab)).toEqual({ protection: 'none', beta: 1, ttl: 5, duration: 1 });
    expect(activeParameters(lab, labDefaults(lab)).map((p) => p.name)).toEqual([
      'protection',
      'ttl',
      'duration',
    ]);
    const xfetch = { ...labDefaults(lab), protection: 'xfetch' };
    expect(activeParameters(lab, xfetch).map((p) => p.name)).toEqual([
      'protection',
      'beta',
      'ttl',
      'duration',
    ]);
  });

  it('are read from text, a choice before the numbers that depend on it', () => {
    expect(parseLabSettings(lab, { beta: '2.5', protection: 'xfetch', ttl: '30' })).toEqual({
      values: { protection: 'xfetch', beta: 2.5, ttl: 30, duration: 1 },
      problems: [],
    });
  });

  it('name each problem and keep every other setting', () => {
    const { values, problems } = parseLabSettings(lab, {
      ttl: '2.5',
      duration: '11',
      protection: 'lock',
      beta: '3',
      colour: 'red',
    });
    expect(values).toEqual({ protection: 'none', beta: 1, ttl: 5, duration: 1 });
    expect(problems).toEqual([
      {
        parameter: 'colour',
        message: 'The demo lab has no setting "colour" (it has protection, beta, ttl, duration).',
      },
      { parameter: 'protection', message: 'Protection must be one of none, xfetch; got "lock".' },
      { parameter: 'ttl', message: 'TTL must be a whole number from 1 to 60 s; got "2.5".' },
      { parameter: 'duration', message: 'Duration must be a whole number from 1 to 10 s; got "11".' },
      {
        parameter: 'beta',
        message: 'XFetch β is not used with these settings (it needs protection = xfetch).',
      },
    ]);
    expect(parseLabSettings(lab, { ttl: '', beta: 'x' }).problems.map((p) => p.parameter)).toEqual([
      'beta',
      'ttl',
      'beta',
    ]);
  });

  it('are written into a copy of the scenario: every path, scaled, the base left as it was', () => {
    const before = structuredClone(lab.base);
    const scenario = buildLabScenario(lab, { protection: 'xfetch', beta: 2, ttl: 30, duration: 4 });
    expect(scenario.strategy.stampede).toEqual({ kind: 'xfetch', beta: 2 });
    expect(scenario.strategy.ttlSeconds).toBe(30);
    expect(scenario.load?.warmUp?.ttlSeconds).toBe(30);
    expect(scenario.load?.durationMs).toBe(4_000);
    expect(lab.base).toEqual(before);
    // β is not in use without XFetch: it is not written, and the choice replaces the whole object.
    expect(
      buildLabScenario(lab, { protection: 'none', beta: 7, ttl: 5, duration: 1 }).strategy.stampede,
    ).toEqual({
      kind: 'none',
    });
  });

  it('refuse a path that does not exist, naming it (a mistake in a lab’s definition)', () => {
    const broken: LabScenario = {
      ...lab,
      parameters: [
        {
          ...(lab.parameters[2] as Extract<LabScenario['parameters'][number], { kind: 'number' }>),
          paths: ['load.hotKeyBursts.0.ratePerSecond'],
        },
      ],
    };
    expect(() => buildLabScenario(broken, labDefaults(broken))).toThrow(
      'demo: the path "load.hotKeyBursts.0.ratePerSecond" does not exist in the scenario (at "hotKeyBursts")',
    );
  });
});
