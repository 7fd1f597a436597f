import { describe, expect, it } from 'vitest';
import { outlineOf, termsOf } from '../../src/content/lessonOutline.ts';
import { lessonOutlines } from '../../src/content/lessonOutlines.ts';
import { lessonTerms } from '../../src/content/lessonTerms.ts';
import { lessons } from '../../src/content/lessons/index.ts';
import { loadLesson, loadLessons } from '../../src/content/lessons/load.ts';

describe('lesson outlines and terms (if these fail, run `npm run outlines`)', () => {
  it('the outlines match the lessons', () => {
    expect(lessonOutlines).toEqual(lessons.map(outlineOf));
  });

  it('the terms match the lessons', () => {
    expect(lessonTerms).toEqual(lessons.map(termsOf));
  });
});

describe('loading lessons one at a time', () => {
  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))(
    '%s loads on its own',
    async (id, lesson) => {
      expect(await loadLesson(id)).toBe(lesson);
    },
  );

  it('an unknown id, or a path, loads nothing', async () => {
    expect(await loadLesson('no-such-lesson')).toBeUndefined();
    expect(await loadLesson('../lessons/index')).toBeUndefined();
    expect(await loadLesson('index')).toBeUndefined();
    expect(await loadLesson('load')).toBeUndefined();
  });

  it('all of them load in curriculum order', async () => {
    expect(await loadLessons()).toBe(lessons);
  });
});
