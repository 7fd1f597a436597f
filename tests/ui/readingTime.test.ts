import { describe, expect, it } from 'vitest';
import {
  countWords,
  lessonProse,
  lessonWordCount,
  readingMinutes,
  readingTimeLabel,
} from '../../src/ui/lesson/sections/readingTime.ts';
import { fixtureLesson } from './lessonPageFixture.tsx';

describe('reading time', () => {
  it('counts words, keeping hyphenated words, keys and commands whole', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  A cache-aside read.  ')).toBe(3);
    expect(countWords('Run `SET user:42:profile x EX 30` now — then stop.')).toBe(9);
    expect(countWords('It’s 2× faster (at p99).')).toBe(5);
  });

  it('is whole minutes at 200 words a minute, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(99)).toBe(1);
    expect(readingMinutes(1600)).toBe(8);
    expect(readingMinutes(1699)).toBe(8);
    expect(readingMinutes(1700)).toBe(9);
  });

  it('reads every prose section and leaves the code out', () => {
    const lesson = fixtureLesson();
    const prose = lessonProse(lesson);
    expect(prose).toContain(lesson.bigIdea[0]);
    expect(prose).toContain(lesson.interview.answer[0]);
    expect(prose).toContain(lesson.pitfalls[1]!.fix);
    expect(prose).toContain(lesson.terms[0]!.definition);
    const withLongCode = { ...lesson, code: { ...lesson.code, source: 'word '.repeat(5000) } };
    expect(lessonWordCount(withLongCode)).toBe(lessonWordCount(lesson));
    const longer = { ...lesson, bigIdea: ['word '.repeat(1600)] };
    expect(readingTimeLabel(longer)).toBe(`${readingMinutes(lessonWordCount(longer))} min read`);
    expect(readingTimeLabel(longer)).toMatch(/^(8|9) min read$/);
  });
});
