import { describe, expect, it } from 'vitest';
import {
  MAX_SEED,
  deepLinkParams,
  parseRunChoice,
  parseSeed,
  resolveStep,
} from '../../src/ui/player/deepLink.ts';

const options = {
  scenarioIds: ['read', 'write'],
  titleOf: (id: string) => (id === 'read' ? 'A read' : 'A write'),
  defaultSeed: 1,
};
const parse = (query: string) => parseRunChoice(new URLSearchParams(query), options);

describe('parseRunChoice', () => {
  it('takes defaults silently when the link has no parameters', () => {
    expect(parse('')).toEqual({ choice: { scenarioId: 'read', seed: 1 }, problems: [], stepParam: null });
  });

  it('reads a valid scenario, seed and step', () => {
    expect(parse('scenario=write&seed=42&step=3')).toEqual({
      choice: { scenarioId: 'write', seed: 42 },
      problems: [],
      stepParam: '3',
    });
  });

  it('accepts the smallest and largest seeds', () => {
    expect(parse('seed=0').choice.seed).toBe(0);
    expect(parse(`seed=${MAX_SEED}`).choice.seed).toBe(MAX_SEED);
  });

  it('falls back to the first scenario and names the unknown one', () => {
    const { choice, problems } = parse('scenario=nope');
    expect(choice.scenarioId).toBe('read');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param: 'scenario', value: 'nope' });
    expect(problems[0]?.message).toContain('\u201cnope\u201d');
    expect(problems[0]?.message).toContain('Showing \u201cA read\u201d instead');
  });

  it('reports an empty scenario', () => {
    const { problems } = parse('scenario=');
    expect(problems[0]?.param).toBe('scenario');
    expect(problems[0]?.message).toMatch(/scenario is empty/);
  });

  it.each([
    ['abc', /not a whole number from 0 to 4294967295/],
    ['-1', /not a whole number/],
    ['1.5', /not a whole number/],
    ['1e3', /not a whole number/],
    [' 7', /not a whole number/],
    ['', /not a whole number/],
    ['0x10', /not a whole number/],
    [String(MAX_SEED + 1), /larger than 4294967295/],
    ['99999999999999999999999', /larger than 4294967295/],
  ])('rejects the seed %j and uses the default', (seed, reason) => {
    const { choice, problems } = parse(`seed=${encodeURIComponent(seed)}`);
    expect(choice.seed).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.param).toBe('seed');
    expect(problems[0]?.message).toMatch(reason);
    expect(problems[0]?.message).toMatch(/Using seed 1 instead/);
  });

  it('reports every bad parameter at once', () => {
    const { problems } = parse('scenario=x&seed=y');
    expect(problems.map((problem) => problem.param)).toEqual(['scenario', 'seed']);
  });

  it('shortens very long values in messages', () => {
    const { problems } = parse(`scenario=${'x'.repeat(500)}`);
    expect(problems[0]?.value.length).toBeLessThanOrEqual(41);
    expect(problems[0]?.value.endsWith('\u2026')).toBe(true);
  });

  it('refuses a lesson without scenarios', () => {
    expect(() => parseRunChoice(new URLSearchParams(''), { ...options, scenarioIds: [] })).toThrow();
  });
});

describe('parseSeed', () => {
  it('parses whole numbers, including leading zeros', () => {
    expect(parseSeed('007')).toEqual({ ok: true, seed: 7 });
  });

  it('explains why a seed is refused', () => {
    expect(parseSeed('seven')).toEqual({ ok: false, reason: 'is not a whole number from 0 to 4294967295' });
  });
});

describe('resolveStep', () => {
  it('starts at step 0 when the link has no step', () => {
    expect(resolveStep(null, 10)).toEqual({ step: 0, problem: null });
  });

  it('accepts the first and last steps', () => {
    expect(resolveStep('0', 10)).toEqual({ step: 0, problem: null });
    expect(resolveStep('9', 10)).toEqual({ step: 9, problem: null });
  });

  it('falls back to step 0 when the step is past the end, saying what the range is', () => {
    const { step, problem } = resolveStep('10', 10);
    expect(step).toBe(0);
    expect(problem).toMatchObject({ param: 'step', value: '10' });
    expect(problem?.message).toBe(
      'The link asks for step 10, but this run has steps 0 to 9. Showing step 0 instead.',
    );
  });

  it.each(['-1', '2.5', 'two', '', '1e1', '+3'])('falls back to step 0 for the step %j', (value) => {
    const { step, problem } = resolveStep(value, 10);
    expect(step).toBe(0);
    expect(problem?.param).toBe('step');
    expect(problem?.message).toMatch(/is not a step number \(a whole number from 0 to 9\)/);
  });
});

describe('deepLinkParams', () => {
  it('writes the parameters in a fixed order', () => {
    expect(deepLinkParams({ scenarioId: 'write', seed: 5, step: 2 }).toString()).toBe(
      'scenario=write&seed=5&step=2',
    );
  });

  it('round-trips through parsing', () => {
    const params = deepLinkParams({ scenarioId: 'write', seed: 12345, step: 4 });
    const parsed = parseRunChoice(params, options);
    expect(parsed.choice).toEqual({ scenarioId: 'write', seed: 12345 });
    expect(resolveStep(parsed.stepParam, 10).step).toBe(4);
  });
});
