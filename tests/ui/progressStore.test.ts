import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_KEY,
  lessonComplete,
  questionScore,
  readStoredProgress,
  statusOf,
  useProgress,
} from '../../src/state/progress.ts';
import { courseOverview, lessonParts, lessonToContinue } from '../../src/ui/progress/lessonParts.ts';
import { scheduleCard } from '../../src/ui/review/schedule.ts';
import { ALPHA, BETA, FIXTURE_CURRICULUM, FIXTURE_LESSONS, NOW } from './cardsFixture.ts';

const progress = () => useProgress.getState();
const alpha = () => progress().lessons.alpha;

beforeEach(() => {
  useProgress.setState({ lessons: {} });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the progress store', () => {
  it('marks a lesson in progress when opened, and remembers when', () => {
    progress().openLesson('alpha');
    expect(alpha()).toMatchObject({ status: 'in-progress', statusByHand: false, updatedAt: NOW.getTime() });
  });

  it('does not undo done or skipped by opening the lesson again', () => {
    progress().setStatus('alpha', 'skipped');
    progress().openLesson('alpha');
    expect(statusOf(alpha())).toBe('skipped');
  });

  it('records Visual scenarios finished and tasks checked once each, and starts the lesson', () => {
    progress().markVisualFinished('alpha', 'alpha-read');
    progress().markVisualFinished('alpha', 'alpha-read');
    progress().setTaskDone('alpha', 'run-redis', true);
    progress().setTaskDone('alpha', 'run-redis', true);
    expect(alpha()).toMatchObject({
      status: 'in-progress',
      visualFinished: ['alpha-read'],
      tasksDone: ['run-redis'],
    });
    progress().setTaskDone('alpha', 'run-redis', false);
    expect(alpha()?.tasksDone).toEqual([]);
  });

  it('scores a question by its first answer only', () => {
    progress().answerQuestion('alpha', 'alpha-read@3', false);
    progress().answerQuestion('alpha', 'alpha-read@3', true);
    progress().answerQuestion('alpha', 'alpha-write@5', true);
    expect(questionScore(alpha())).toEqual({ answered: 2, correct: 1 });
  });

  it('keeps the reading place', () => {
    progress().setPlace('alpha', 'explain-it');
    expect(alpha()?.place).toBe('explain-it');
  });

  it('completes a lesson unless its status was set by hand', () => {
    progress().openLesson('alpha');
    progress().completeLesson('alpha');
    expect(statusOf(alpha())).toBe('done');

    progress().setStatus('beta', 'in-progress');
    progress().completeLesson('beta');
    expect(progress().lessons.beta).toMatchObject({ status: 'in-progress', statusByHand: true });
  });

  it('resets a lesson by removing its record, and can put it back', () => {
    progress().setTaskDone('alpha', 'run-redis', true);
    const before = alpha();
    progress().setStatus('alpha', 'not-started');
    expect(alpha()).toBeUndefined();
    progress().restoreLesson('alpha', before);
    expect(alpha()).toEqual(before);
    progress().restoreLesson('alpha', undefined);
    expect(alpha()).toBeUndefined();
  });

  it('saves under its versioned key', () => {
    progress().openLesson('alpha');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}')).toMatchObject({
      version: 1,
      state: { lessons: { alpha: { status: 'in-progress' } } },
    });
  });
});

describe('lessonComplete', () => {
  const everything = () => {
    for (const id of ALPHA.scenarioIds) progress().markVisualFinished('alpha', id);
    for (const task of ALPHA.tasks) progress().setTaskDone('alpha', task.id, true);
  };

  it('needs the whole Visual, every card reviewed once and every task', () => {
    const allCards = new Set(ALPHA.cards.map((card) => card.id));
    expect(lessonComplete(ALPHA, undefined, allCards)).toBe(false);
    everything();
    expect(lessonComplete(ALPHA, alpha(), allCards)).toBe(true);
    expect(lessonComplete(ALPHA, alpha(), new Set([...allCards].slice(1)))).toBe(false);
    progress().setTaskDone('alpha', 'run-redis', false);
    expect(lessonComplete(ALPHA, alpha(), allCards)).toBe(false);
  });
});

describe('the course overview', () => {
  it('counts each lesson’s parts and the course’s percent (done whole, skipped left out)', () => {
    progress().markVisualFinished('alpha', 'alpha-read');
    progress().setTaskDone('alpha', 'run-redis', true);
    const cards = { 'alpha/miss-path': scheduleCard(undefined, 'good', NOW) };
    const parts = lessonParts(ALPHA, alpha(), cards);
    expect(parts).toMatchObject({
      visual: { done: 1, total: 2 },
      cards: { done: 1, total: 4 },
      tasks: { done: 1, total: 3 },
    });
    expect(parts.fraction).toBeCloseTo(3 / 9);

    progress().setStatus('beta', 'done');
    progress().setStatus('gamma', 'skipped');
    const overview = courseOverview(FIXTURE_CURRICULUM, FIXTURE_LESSONS, progress().lessons, cards);
    // alpha 1/3, beta 1, gamma skipped (left out), delta coming (0): (1/3 + 1) / 3.
    expect(overview.percent).toBe(44);
    expect(overview.counts).toEqual({ 'not-started': 1, 'in-progress': 1, done: 1, skipped: 1 });
  });

  it('continues the lesson most recently worked on that is neither done nor skipped', () => {
    progress().openLesson('alpha');
    progress().setPlace('alpha', 'visual');
    vi.setSystemTime(NOW.getTime() + 60_000);
    progress().openLesson('beta');
    vi.setSystemTime(NOW.getTime() + 120_000);
    progress().setStatus('gamma', 'done');
    expect(lessonToContinue(FIXTURE_CURRICULUM, progress().lessons)?.entry.id).toBe('beta');
    progress().setStatus('beta', 'skipped');
    expect(lessonToContinue(FIXTURE_CURRICULUM, progress().lessons)).toMatchObject({
      entry: { id: 'alpha' },
      place: 'visual',
    });
    expect(lessonToContinue(FIXTURE_CURRICULUM, {})).toBeUndefined();
    expect(BETA.id).toBe('beta');
  });
});

describe('what was saved', () => {
  it('falls back to empty, without throwing, when the saved state is corrupt', async () => {
    localStorage.setItem(PROGRESS_KEY, 'not json at all');
    await expect(useProgress.persist.rehydrate()).resolves.toBeUndefined();
    expect(progress().lessons).toEqual({});

    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ state: { lessons: 42 }, version: 1 }));
    await useProgress.persist.rehydrate();
    expect(progress().lessons).toEqual({});
  });

  it('keeps the lessons that read and drops the ones that do not', () => {
    progress().openLesson('alpha');
    const good = alpha();
    const read = readStoredProgress({ lessons: { alpha: good, beta: { status: 'finished' } } });
    expect(read).toEqual({ lessons: { alpha: good } });
  });

  it('reads a saved state from another version as far as it validates', async () => {
    progress().openLesson('alpha');
    const good = alpha();
    useProgress.setState({ lessons: {} });
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ state: { lessons: { alpha: good } }, version: 0 }));
    await useProgress.persist.rehydrate();
    expect(alpha()).toEqual(good);
  });
});
