import { beforeEach, describe, expect, it } from 'vitest';
import {
  QUESTION_SETTINGS_KEY,
  readStoredQuestionSettings,
  useQuestionSettings,
} from '../../src/state/questionSettings.ts';
import { emptyLessonProgress } from '../../src/state/progress.ts';
import { lessonScore, questionKey, scoreWords } from '../../src/ui/questions/score.ts';

describe('question settings', () => {
  beforeEach(() => {
    useQuestionSettings.setState({ enabled: true });
  });

  it('asks questions unless turned off, and saves the choice for the next visit', () => {
    expect(useQuestionSettings.getState().enabled).toBe(true);
    useQuestionSettings.getState().setEnabled(false);
    expect(JSON.parse(localStorage.getItem(QUESTION_SETTINGS_KEY) ?? '{}')).toEqual({
      state: { enabled: false },
      version: 1,
    });
  });

  it('reads a saved choice back', async () => {
    localStorage.setItem(QUESTION_SETTINGS_KEY, JSON.stringify({ state: { enabled: false }, version: 1 }));
    await useQuestionSettings.persist.rehydrate();
    expect(useQuestionSettings.getState().enabled).toBe(false);
  });

  it.each([
    ['a wrong shape', JSON.stringify({ state: { enabled: 'no' }, version: 1 })],
    ['a future version with another shape', JSON.stringify({ state: { ask: false }, version: 7 })],
  ])('falls back to asking from %s in storage', async (_, stored) => {
    useQuestionSettings.setState({ enabled: false });
    localStorage.setItem(QUESTION_SETTINGS_KEY, stored);
    await useQuestionSettings.persist.rehydrate();
    expect(useQuestionSettings.getState().enabled).toBe(true);
  });

  it('keeps asking when storage is not JSON at all', async () => {
    localStorage.setItem(QUESTION_SETTINGS_KEY, '{oops');
    await useQuestionSettings.persist.rehydrate();
    expect(useQuestionSettings.getState().enabled).toBe(true);
  });

  it('reads an older version as far as it validates', () => {
    expect(readStoredQuestionSettings({ enabled: false })).toEqual({ enabled: false });
    expect(readStoredQuestionSettings(null)).toEqual({ enabled: true });
  });
});

describe('the score of a lesson', () => {
  const questions = [
    { scenario: 'a', step: 3, narration: 'x', kind: 'cache-lookup', why: 'because of the twenty chars' },
    { scenario: 'a', step: 9, narration: 'x', kind: 'cache-lookup', why: 'because of the twenty chars' },
    { scenario: 'b', step: 4, narration: 'x', kind: 'stale-after', why: 'because of the twenty chars' },
  ] as const;

  it('keys a question by its scenario and step', () => {
    expect(questionKey(questions[0])).toBe('a@3');
  });

  it('counts first answers to the questions the lesson asks now, and no others', () => {
    const progress = {
      ...emptyLessonProgress(0),
      answers: { 'a@3': true, 'b@4': false, 'a@5': true },
    };
    expect(lessonScore(progress, questions)).toEqual({ answered: 2, correct: 1 });
    expect(lessonScore(undefined, questions)).toEqual({ answered: 0, correct: 0 });
  });

  it('says it in words', () => {
    expect(scoreWords({ answered: 0, correct: 0 }, 6)).toEqual({
      score: 'none of 6 questions answered yet',
      left: null,
    });
    expect(scoreWords({ answered: 4, correct: 3 }, 6)).toEqual({
      score: '3 of 4 right the first time',
      left: '2 of 6 questions still to answer',
    });
    expect(scoreWords({ answered: 1, correct: 1 }, 1)).toEqual({
      score: '1 of 1 right the first time',
      left: 'the one question answered',
    });
  });
});
