import { describe, expect, it } from 'vitest';
import { formatHitRatio, formatSimTime, formatTtl } from '../../src/ui/player/format.ts';
import { formatSpeed, nudgeSpeed, stepIntervalMs, tweenDurationMs } from '../../src/ui/player/speed.ts';
import { stateInWords } from '../../src/ui/player/stateWords.ts';
import { clampSpeedLog2 } from '../../src/state/playerSettings.ts';

describe('speed scale', () => {
  it.each([
    [-2, '0.25\u00d7'],
    [-1.5, '0.35\u00d7'],
    [-1, '0.5\u00d7'],
    [-0.5, '0.71\u00d7'],
    [0, '1\u00d7'],
    [0.5, '1.4\u00d7'],
    [1, '2\u00d7'],
    [1.5, '2.8\u00d7'],
    [2, '4\u00d7'],
  ])('labels log2 speed %d as %s', (log2, label) => {
    expect(formatSpeed(log2)).toBe(label);
  });

  it('nudges by half an octave and stops at 0.25\u00d7 and 4\u00d7', () => {
    expect(nudgeSpeed(0, 1)).toBe(0.5);
    expect(nudgeSpeed(2, 1)).toBe(2);
    expect(nudgeSpeed(-2, -1)).toBe(-2);
  });

  it('snaps stray values onto the scale', () => {
    expect(clampSpeedLog2(0.3)).toBe(0.5);
    expect(clampSpeedLog2(17)).toBe(2);
    expect(clampSpeedLog2(Number.NaN)).toBe(0);
  });

  it('plays faster at higher speeds', () => {
    expect(stepIntervalMs(1)).toBe(stepIntervalMs(0) / 2);
  });

  it('caps long virtual gaps so a 30 s wait takes under a second at 1\u00d7', () => {
    expect(tweenDurationMs(30_000, 0)).toBeLessThan(1000);
    expect(tweenDurationMs(0, 0)).toBe(0);
    expect(tweenDurationMs(30_000, 0)).toBeLessThan(stepIntervalMs(0));
    expect(tweenDurationMs(30_000, 2)).toBeLessThan(stepIntervalMs(2));
  });
});

describe('formats', () => {
  it('shows simulated time in ms, then seconds', () => {
    expect(formatSimTime(0)).toBe('0 ms');
    expect(formatSimTime(1204.4)).toBe('1,204 ms');
    expect(formatSimTime(30_012)).toBe('30.01 s');
  });

  it('shows a TTL, its absence, and expiry', () => {
    expect(formatTtl(null)).toBe('no TTL');
    expect(formatTtl(0)).toBe('expired');
    expect(formatTtl(-5)).toBe('expired');
    expect(formatTtl(850)).toBe('850 ms');
    expect(formatTtl(29_600)).toBe('29.6 s');
  });

  it('shows a dash before the first lookup and a percentage after', () => {
    expect(formatHitRatio(0, 0)).toBe('\u2014');
    expect(formatHitRatio(1, 2)).toBe('33\u00a0%');
  });
});

describe('stateInWords', () => {
  it.each([
    ['up.busy', 'handling requests'],
    ['up.idle', 'idle'],
    ['up', 'up'],
    ['waiting', 'waiting for a reply'],
    ['up.waitingForLease', 'waiting for lease'],
    ['recovering.replayingLog', 'recovering, replaying log'],
    ['', 'unknown'],
  ])('says %j as %j', (state, words) => {
    expect(stateInWords(state)).toBe(words);
  });
});
