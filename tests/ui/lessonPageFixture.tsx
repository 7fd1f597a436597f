import './lessonParts.ts';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { getLesson } from '../../src/content/lessons/index.ts';
import type { Lesson } from '../../src/content/index.ts';
import { LessonView } from '../../src/ui/pages/LessonPage.tsx';

/**
 * A lesson of the tests' own, so the page's tests do not depend on wording the writers refine. Its
 * Visual and code are the cache-aside lesson's (the code's `// step:` markers must match the
 * scenarios' steps); its terms are made up, so they are defined nowhere else.
 */
const realCode = () => {
  const lesson = getLesson('cache-aside');
  if (lesson === undefined) throw new Error('the cache-aside lesson is missing');
  return lesson.code;
};

export const FIXTURE_ID = 'fixture-lesson';

export function fixtureLesson(): Lesson {
  return {
    id: FIXTURE_ID,
    title: 'A fixture lesson',
    phase: 1,
    summary: 'A lesson the tests wrote, with every section.',
    bigIdea: [
      'The big idea: a Frobnicator keeps a copy of what the slow store holds, and `GET frob:1` reads it back.',
      'A second paragraph mentions the frobnicator again, which is not linked a second time.',
    ],
    intuition: [
      'Think of a pantry shelf beside the stove: the Frobnicator is the shelf, the cellar is the store.',
    ],
    scenarioIds: ['cache-aside-read', 'cache-aside-write'],
    questions: [],
    depth: [
      {
        title: 'A. The read path',
        paragraphs: ['Part A explains the read path of the Frobnicator in enough words.'],
      },
      {
        title: 'The write path',
        paragraphs: ['Part B explains the write path, ending with `DEL frob:1` to be safe.'],
      },
    ],
    code: realCode(),
    pitfalls: [
      {
        symptom: 'Readers see an old value for minutes.',
        cause: 'The write deleted the key before it committed.',
        fix: 'Commit first, then delete the key.',
      },
      {
        symptom: 'The database is hit on every read.',
        cause: 'Nothing was ever written to the cache.',
        fix: 'Set the value with a TTL on a miss.',
      },
    ],
    realWorld: [
      {
        text: 'A known system does it this way, as its documentation says in plain words.',
        source: { title: 'The Example docs', url: 'https://docs.example.com/caching' },
      },
    ],
    interview: {
      question: 'How would you keep a Frobnicator fresh?',
      answer: ['The model answer: commit, then delete, and keep a TTL as a safety net for what is missed.'],
    },
    cards: [1, 2, 3, 4].map((n) => ({
      id: `card-${n}`,
      prompt: `Fixture card ${n} prompt?`,
      answer: `Fixture card ${n} answer, long enough.`,
      seeIt: { scenario: 'cache-aside-read', step: 1, narration: 'x' },
    })),
    tasks: [
      { id: 'task-one', text: 'Do the first fixture task today.', minutes: 10 },
      { id: 'task-two', text: 'Do the second fixture task today.', minutes: 20 },
    ],
    takeaways: ['A Frobnicator is a copy.', 'Commit, then delete the key.', 'Keep a TTL as a safety net.'],
    terms: [
      { term: 'Frobnicator', definition: 'A made-up cache for these tests, kept in memory.' },
      { term: 'Slow store', definition: 'A made-up database for these tests, on disk.' },
    ],
  };
}

/** The lesson page for `lesson` at `path`, with a Glossary route to follow term links to. */
export function renderLesson(lesson: Lesson = fixtureLesson(), path = `/lessons/${lesson.id}`) {
  const router = createMemoryRouter(
    [
      { path: '/lessons/:lessonId', element: <LessonView lesson={lesson} /> },
      { path: '/glossary', element: <p>The glossary</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...render(<RouterProvider router={router} />), router };
}
