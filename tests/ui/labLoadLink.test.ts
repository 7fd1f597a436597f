import { describe, expect, it } from 'vitest';
import { labDefaults } from '../../src/engine/index.ts';
import { getLabScenario } from '../../src/content/labs/index.ts';
import type { CurriculumEntry } from '../../src/content/curriculum.ts';
import {
  defaultLoadSettings,
  loadJob,
  loadParams,
  parameterSpec,
  parseLoadSettings,
} from '../../src/ui/lab/loadLink.ts';
import type { LoadSettings } from '../../src/ui/lab/loadLink.ts';
import {
  LOAD_MEASURES,
  describeChanges,
  describeLoadProgress,
  describeLoadWork,
  directionWords,
  formatRate,
  writtenLesson,
} from '../../src/ui/lab/loadWords.ts';

const params = (text: string) => new URLSearchParams(text);
const lab = (id: string) => {
  const found = getLabScenario(id);
  if (found === undefined) throw new Error(`no lab ${id}`);
  return found;
};
const stampede = lab('stampede');
const problems = (text: string) =>
  parseLoadSettings(params(text)).problems.map(({ param, message }) => [param, message]);

describe('the load lab’s link', () => {
  it('writes only what differs, and reads it back to the same settings', () => {
    const settings: LoadSettings = {
      scenario: 'stampede',
      seed: 7,
      values: { ...labDefaults(stampede), protection: 'xfetch', beta: 2.5, ttl: 20 },
      compareWith: { ...labDefaults(stampede), protection: 'mutex', 'lock-ttl': 400, ttl: 20 },
    };
    const written = loadParams(settings);
    expect(written).toEqual([
      ['scenario', 'stampede'],
      ['seed', '7'],
      ['protection', 'xfetch'],
      ['beta', '2.5'],
      ['ttl', '20'],
      ['compare', 'on'],
      // B's TTL is A's, so it is not written; β is not in use under the lock.
      ['protectionB', 'mutex'],
      ['lock-ttlB', '400'],
    ]);
    const parsed = parseLoadSettings(params(new URLSearchParams(written).toString()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(true);
    expect(parsed.settings).toEqual({
      ...settings,
      // What is not in use is kept at its default, so equal settings make equal jobs.
      compareWith: { ...settings.compareWith, beta: 1 },
    });
  });

  it('round-trips every scenario’s settings at their extremes, with B on the other extreme', () => {
    for (const id of ['avalanche', 'stampede', 'penetration', 'steady']) {
      const scenario = lab(id);
      for (const choiceIndex of [0, 1, 2]) {
        const pick = (end: 'min' | 'max') =>
          Object.fromEntries(
            scenario.parameters.map((p) => [
              p.name,
              p.kind === 'number' ? p[end] : (p.choices[choiceIndex % p.choices.length]?.value ?? p.default),
            ]),
          );
        const settings: LoadSettings = {
          scenario: id,
          seed: 123,
          values: pick('min'),
          compareWith: pick('max'),
        };
        const parsed = parseLoadSettings(params(new URLSearchParams(loadParams(settings)).toString()));
        expect(parsed.problems).toEqual([]);
        expect(loadParams(parsed.settings)).toEqual(loadParams(settings));
        expect(loadJob(parsed.settings)).toEqual(loadJob(settings));
      }
    }
  });

  it('opens the first scenario at its defaults when the link has nothing, and asks for the scenario to be written', () => {
    const parsed = parseLoadSettings(params(''));
    expect(parsed.settings).toEqual(defaultLoadSettings());
    expect(parsed.settings.scenario).toBe('avalanche');
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(false);
    expect(parseLoadSettings(params('lab=load&scenario=avalanche')).complete).toBe(true);
  });

  it('drops what is written needlessly: defaults, B equal to A, compare=off', () => {
    const parsed = parseLoadSettings(
      params('scenario=stampede&ttl=10&seed=1&compare=on&protectionB=none&rateB=500'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(false);
    expect(loadParams(parsed.settings)).toEqual([
      ['scenario', 'stampede'],
      ['compare', 'on'],
    ]);
    expect(parseLoadSettings(params('scenario=stampede&compare=off')).complete).toBe(false);
  });

  it('explains unknown names and bad values in words, and keeps everything else', () => {
    expect(problems('scenario=stampede&protection=mutex&rate=fast&foo=1&beta=2&query=200')).toEqual([
      [
        'foo',
        'The stampede lab has no setting "foo" (it has protection, lock-ttl, retry-delay, max-retries, beta, stale, rate, query, ttl).',
      ],
      [
        'rate',
        'Reads per second must be a whole number from 10 to 2000 requests/s; got "fast". Using 500 requests/s, the default, instead.',
      ],
      ['beta', 'XFetch β is not used with these settings (it needs protection = xfetch).'],
    ]);
    const parsed = parseLoadSettings(params('scenario=stampede&protection=mutex&rate=fast&foo=1&ttl=20'));
    expect(parsed.settings.values).toMatchObject({ protection: 'mutex', rate: 500, ttl: 20 });
    expect(parsed.complete).toBe(false);
  });

  it('explains a bad scenario or seed, and uses the first scenario and seed 1', () => {
    expect(problems('scenario=thundering&seed=-3')).toEqual([
      [
        'scenario',
        'The link’s scenario “thundering” is not one of avalanche, stampede, penetration, steady. Using avalanche, the default, instead.',
      ],
      [
        'seed',
        'The link’s seed “-3” is not a whole number from 0 to 4,294,967,295. Using 1, the default, instead.',
      ],
    ]);
  });

  it('reads B over A: what B leaves out follows A, and a bad B value falls back to A’s', () => {
    const parsed = parseLoadSettings(
      params('scenario=stampede&protection=mutex&ttl=20&compare=on&ttlB=0&retry-delayB=10'),
    );
    expect(parsed.settings.compareWith).toMatchObject({ protection: 'mutex', ttl: 20, 'retry-delay': 10 });
    expect(parsed.problems).toEqual([
      {
        param: 'ttlB',
        value: '0',
        message: 'For B: TTL must be a whole number from 1 to 60 s; got "0". Using 20 s, A’s value, instead.',
      },
    ]);
  });

  it('judges whether a B setting is in use by B’s choice, or A’s when B’s cannot be used', () => {
    // B inherits the lock from A, so its lock expiry is in use although B's own choice was bad.
    const parsed = parseLoadSettings(
      params('scenario=stampede&protection=mutex&compare=on&protectionB=spinlock&lock-ttlB=300'),
    );
    expect(parsed.settings.compareWith).toMatchObject({ protection: 'mutex', 'lock-ttl': 300 });
    expect(parsed.problems.map((p) => p.param)).toEqual(['protectionB']);
    // B's XFetch makes B's β usable while A has none.
    const xfetch = parseLoadSettings(params('scenario=stampede&compare=on&protectionB=xfetch&betaB=3'));
    expect(xfetch.problems).toEqual([]);
    expect(xfetch.settings.values.beta).toBe(1);
    expect(xfetch.settings.compareWith?.beta).toBe(3);
  });

  it('says B’s settings are left out when not comparing', () => {
    expect(problems('scenario=stampede&ttlB=5&protectionB=mutex')).toEqual([
      ['ttlB, protectionB', 'B’s settings are used only when comparing (compare=on), so they were left out.'],
    ]);
  });

  it('makes a job with A, and B when comparing, sharing the seed', () => {
    const job = loadJob({
      ...defaultLoadSettings(stampede),
      seed: 4,
      compareWith: { ...labDefaults(stampede), protection: 'single-flight' },
    });
    expect(job).toMatchObject({
      kind: 'load-run',
      scenario: 'stampede',
      seed: 4,
      variants: [
        { label: 'A', values: { protection: 'none' } },
        { label: 'B', values: { protection: 'single-flight' } },
      ],
    });
  });
});

describe('the load lab’s number fields', () => {
  it('take the separators people type and the engine’s range', () => {
    const ids = lab('penetration').parameters.find((p) => p.name === 'ids');
    if (ids?.kind !== 'number') throw new Error('no ids parameter');
    const spec = parameterSpec(ids);
    expect(spec.parse('1,000,000')).toBe(1_000_000);
    expect(spec.parse('0')).toBeUndefined();
    expect(spec.parse('2.5')).toBeUndefined();
    expect(spec.format(1_000_000)).toBe('1,000,000');
    expect(spec.expected).toBe('a whole number from 1 to 10,000,000');
  });
});

describe('the load lab’s words', () => {
  it('name the settings that differ', () => {
    const defaults = labDefaults(stampede);
    expect(describeChanges(stampede, defaults, defaults)).toBe('');
    expect(
      describeChanges(stampede, { ...defaults, protection: 'mutex', 'lock-ttl': 500, beta: 4 }, defaults),
    ).toBe('Protection: Lock (SET NX PX), Lock expiry: 500\u00a0ms');
  });

  it('say what a run will do and how far it is', () => {
    expect(describeLoadWork([60_000])).toBe('One run of 60\u00a0s of virtual time.');
    expect(describeLoadWork([60_000, 60_000])).toBe('Two runs, A and B, of 60\u00a0s of virtual time each.');
    expect(describeLoadWork([90_000, 120_000])).toBe(
      'Two runs: A of 90\u00a0s and B of 120\u00a0s of virtual time.',
    );
    expect(describeLoadProgress({ done: 30_000, total: 60_000 }, [60_000], ['A'])).toBe(
      '30\u00a0s of 60\u00a0s of virtual time',
    );
    expect(describeLoadProgress({ done: 75_000, total: 120_000 }, [60_000, 60_000], ['A', 'B'])).toBe(
      'Run B: 15\u00a0s of 60\u00a0s of virtual time',
    );
  });

  it('write rates so that a small one never reads as zero', () => {
    expect(formatRate(0.0104)).toBe('1.0\u00a0%');
    expect(formatRate(0.000123)).toBe('0.012\u00a0%');
    expect(formatRate(0)).toBe('0.0\u00a0%');
  });

  it('say which way B went, in words', () => {
    const [peak, hitRatio] = LOAD_MEASURES;
    if (peak === undefined || hitRatio === undefined) throw new Error('no measures');
    expect(directionWords(peak, 100, 2)).toBe('98.0\u00a0% lower');
    expect(directionWords(peak, 100, 120)).toBe('20.0\u00a0% higher');
    expect(directionWords(peak, 10, 35)).toBe('3.5\u00d7 as high');
    expect(directionWords(peak, 0, 4)).toBe('higher');
    expect(directionWords(peak, 7, 7)).toBe('the same');
    expect(directionWords(hitRatio, 0.9, 0.95)).toBe('higher');
    expect(directionWords(hitRatio, 0.9, 0.90001)).toBe('the same');
    expect(directionWords(hitRatio, null, 0.9)).toBe('cannot compare');
  });

  it('link a lesson only when it is written', () => {
    const entry = (available: boolean): CurriculumEntry => ({
      id: 'stampede',
      title: 'Cache stampede',
      phase: 2,
      summary: '',
      available,
    });
    expect(writtenLesson(stampede, [entry(true)])?.title).toBe('Cache stampede');
    expect(writtenLesson(stampede, [entry(false)])).toBeNull();
    expect(writtenLesson(stampede, [])).toBeNull();
  });
});
