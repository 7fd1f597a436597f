import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAYER_SETTINGS_KEY, usePlayerSettings } from '../../src/state/playerSettings.ts';
import { PROGRESS_KEY, emptyLessonProgress, useProgress } from '../../src/state/progress.ts';
import type { LessonProgress } from '../../src/state/progress.ts';
import { REVIEW_KEY, useReview } from '../../src/state/review.ts';
import type { StoredCard } from '../../src/state/review.ts';
import { backupPrefix, listBackups } from '../../src/state/storage.ts';
import { useStorageProblems } from '../../src/state/storageProblems.ts';
import { STORE_KEYS, resetUserData } from '../../src/state/userData.ts';

/** The storage every store shares: unreadable text kept aside, full storage reported, other tabs. */

const NOW = new Date('2025-03-01T09:00:00.000Z');
const problems = () => useStorageProblems.getState().problems;
const backupsOf = (key: string) => Object.keys(localStorage).filter((k) => k.startsWith(backupPrefix(key)));
const saved = (key: string) =>
  JSON.parse(localStorage.getItem(key) ?? 'null') as { state: unknown; version: number };

function lesson(updatedAt: number, more: Partial<LessonProgress> = {}): LessonProgress {
  return { ...emptyLessonProgress(updatedAt), status: 'in-progress', ...more };
}

function card(lastReview: string): StoredCard {
  return {
    due: '2025-03-04T09:00:00.000Z',
    stability: 3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: lastReview,
  };
}

beforeEach(() => {
  resetUserData();
  localStorage.clear();
  useStorageProblems.setState({ problems: [] });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('saved text that cannot be read', () => {
  it.each([
    ['not JSON', '{"state":{"lessons":', 'not-json'],
    ['not the saved shape', '[1,2,3]', 'wrong-shape'],
    ['lessons of the wrong type', '{"state":{"lessons":42},"version":1}', 'partly-unreadable'],
  ])('%s: starts empty, keeps the text under a backup key, and says so', async (_, raw, reason) => {
    localStorage.setItem(PROGRESS_KEY, raw);
    await useProgress.persist.rehydrate();

    expect(useProgress.getState().lessons).toEqual({});
    const backupKey = `${PROGRESS_KEY}.backup-${NOW.toISOString()}`;
    expect(localStorage.getItem(backupKey)).toBe(raw);
    expect(problems()).toEqual([
      expect.objectContaining({ kind: 'unreadable', reason, key: PROGRESS_KEY, backupKey, raw }),
    ]);
    // Kept aside, so the key can start clean: the next visit has nothing to report.
    expect(localStorage.getItem(PROGRESS_KEY)).not.toBe(raw);
  });

  it('keeps the lessons that validate, and backs up the whole text', async () => {
    const good = lesson(NOW.getTime());
    const raw = JSON.stringify({
      state: { lessons: { alpha: good, beta: { status: 'finished' } } },
      version: 1,
    });
    localStorage.setItem(PROGRESS_KEY, raw);
    await useProgress.persist.rehydrate();

    expect(useProgress.getState().lessons).toEqual({ alpha: good });
    expect(problems()[0]).toMatchObject({ reason: 'partly-unreadable', unread: ['lessons.beta'] });
    expect(backupsOf(PROGRESS_KEY).map((k) => localStorage.getItem(k))).toEqual([raw]);
    expect(saved(PROGRESS_KEY).state).toEqual({ lessons: { alpha: good } });
  });

  it('keeps what still reads from a newer version, and backs up what that version saved', async () => {
    const card1 = card('2025-03-01T09:00:00.000Z');
    const raw = JSON.stringify({ state: { cards: { 'a/b': card1 }, decks: ['x'] }, version: 2 });
    localStorage.setItem(REVIEW_KEY, raw);
    await useReview.persist.rehydrate();

    expect(useReview.getState().cards).toEqual({ 'a/b': card1 });
    expect(problems()[0]).toMatchObject({ reason: 'newer-version', savedVersion: 2, version: 1 });
    expect(backupsOf(REVIEW_KEY).map((k) => localStorage.getItem(k))).toEqual([raw]);
  });

  it('never overwrites an existing backup, and does not copy the same text twice', async () => {
    const taken = `${PROGRESS_KEY}.backup-${NOW.toISOString()}`;
    localStorage.setItem(taken, 'an earlier backup');
    localStorage.setItem(PROGRESS_KEY, '{oops');
    await useProgress.persist.rehydrate();
    expect(localStorage.getItem(taken)).toBe('an earlier backup');
    expect(localStorage.getItem(`${taken}-2`)).toBe('{oops');

    // The same text again (say, the key was restored by hand): the copy already kept stands.
    localStorage.setItem(PROGRESS_KEY, '{oops');
    await useProgress.persist.rehydrate();
    expect(backupsOf(PROGRESS_KEY).sort()).toEqual([taken, `${taken}-2`]);
    expect(listBackups(STORE_KEYS).map((b) => b.key)).toEqual([`${taken}-2`, taken]);
  });

  it('reports the text, without a backup key, when even the backup cannot be written', async () => {
    localStorage.setItem(PLAYER_SETTINGS_KEY, '{oops');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await usePlayerSettings.persist.rehydrate();
    expect(problems()[0]).toMatchObject({ kind: 'unreadable', backupKey: null, raw: '{oops' });
    // Not kept aside, so not cleaned either: the text is still under its key.
    expect(localStorage.getItem(PLAYER_SETTINGS_KEY)).toBe('{oops');
  });
});

describe('a full storage', () => {
  it('is reported, not thrown, and the change stays in the page', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(() => useProgress.getState().openLesson('alpha')).not.toThrow();
    expect(useProgress.getState().lessons.alpha?.status).toBe('in-progress');
    expect(problems()).toEqual([expect.objectContaining({ kind: 'quota', key: PROGRESS_KEY })]);
    useProgress.getState().setPlace('alpha', 'visual');
    expect(problems()).toHaveLength(1);
  });
});

describe('two tabs', () => {
  /** Another tab writes `value` under `key`, and the browser tells this one. */
  function otherTabWrites(key: string, value: unknown) {
    const text = JSON.stringify({ state: value, version: 1 });
    localStorage.setItem(key, text);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: text, storageArea: localStorage }));
  }

  it('reloads a store when another tab saves it', async () => {
    const theirs = lesson(NOW.getTime() + 1000, { tasksDone: ['run-redis'] });
    otherTabWrites(PROGRESS_KEY, { lessons: { alpha: theirs } });
    await vi.waitFor(() => expect(useProgress.getState().lessons.alpha).toEqual(theirs));
  });

  it('does not overwrite another tab’s newer lesson or card when saving', async () => {
    useProgress.getState().openLesson('alpha');
    useProgress.getState().openLesson('beta');
    useReview.getState().saveCard('a/one', card('2025-03-01T09:00:00.000Z'));
    // Another tab saved without this one hearing of it yet: a newer alpha, an older beta, a new
    // gamma, and a card rated later.
    const newerAlpha = lesson(NOW.getTime() + 60_000, { status: 'done' });
    const olderBeta = lesson(NOW.getTime() - 60_000, { status: 'skipped' });
    const gamma = lesson(NOW.getTime() - 120_000);
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({ state: { lessons: { alpha: newerAlpha, beta: olderBeta, gamma } }, version: 1 }),
    );
    const laterCard = card('2025-03-02T09:00:00.000Z');
    localStorage.setItem(
      REVIEW_KEY,
      JSON.stringify({ state: { cards: { 'a/one': laterCard } }, version: 1 }),
    );

    useProgress.getState().setPlace('delta', 'visual');
    useReview.getState().saveCard('a/two', card('2025-03-01T09:00:00.000Z'));

    const lessons = (saved(PROGRESS_KEY).state as { lessons: Record<string, LessonProgress> }).lessons;
    expect(lessons.alpha).toEqual(newerAlpha);
    expect(lessons.beta?.status).toBe('in-progress');
    expect(lessons.gamma).toEqual(gamma);
    expect(lessons.delta?.place).toBe('visual');
    const cards = (saved(REVIEW_KEY).state as { cards: Record<string, StoredCard> }).cards;
    expect(cards['a/one']).toEqual(laterCard);
    expect(Object.keys(cards).sort()).toEqual(['a/one', 'a/two']);
    // And this tab's store catches up with what it kept.
    await vi.waitFor(() => expect(useProgress.getState().lessons.alpha).toEqual(newerAlpha));
  });

  it('lets this tab remove a lesson it removed, when no other tab saved meanwhile', () => {
    useProgress.getState().openLesson('alpha');
    useProgress.getState().setStatus('alpha', 'not-started');
    expect(saved(PROGRESS_KEY).state).toEqual({ lessons: {} });
  });
});
