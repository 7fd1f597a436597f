import { lessonSchema } from '../../src/content/lessonSchema.ts';
import type { Lesson } from '../../src/content/lessonSchema.ts';
import type { CurriculumEntry } from '../../src/content/curriculum.ts';
import { outlineOf } from '../../src/content/lessonOutline.ts';

/**
 * Small lessons of our own for the cards, tasks, status and roadmap tests, so they do not depend on
 * the wording (or the state) of the lessons being written. Each passes the real lesson schema.
 */
const PARAGRAPH = 'A paragraph long enough to satisfy the lesson schema, which wants a sentence at least.';

interface FixtureOptions {
  id: string;
  title: string;
  phase?: 1 | 2;
  scenarioIds?: string[];
  cards?: Lesson['cards'];
  tasks?: Lesson['tasks'];
}

export function fixtureLesson({ id, title, phase = 1, scenarioIds, cards, tasks }: FixtureOptions): Lesson {
  const scenarios = scenarioIds ?? [`${id}-read`];
  return lessonSchema.parse({
    id,
    title,
    phase,
    summary: `What ${title} is about.`,
    bigIdea: [PARAGRAPH],
    intuition: [PARAGRAPH],
    scenarioIds: scenarios,
    questions: [
      {
        scenario: scenarios[0],
        step: 3,
        narration: 'cache.get.miss',
        kind: 'cache-lookup',
        why: 'Because nothing was cached yet.',
      },
    ],
    depth: [
      { title: 'A', paragraphs: [PARAGRAPH] },
      { title: 'B', paragraphs: [PARAGRAPH] },
    ],
    code: { title: 'x.ts', language: 'typescript', source: 'const x = 1;' },
    pitfalls: [
      { symptom: 'A symptom seen', cause: 'A cause of it', fix: 'The fix for it' },
      { symptom: 'Another symptom', cause: 'Another cause', fix: 'Another fix' },
    ],
    realWorld: [{ text: PARAGRAPH, source: { title: 'A source', url: 'https://example.org/' } }],
    interview: { question: 'Why would you?', answer: [PARAGRAPH] },
    cards: cards ?? [
      card(
        'miss-path',
        'What happens on a cache miss?',
        'The app reads the database and fills the cache.',
        4,
        'Where does the row come from?',
      ),
      card(
        'delete-not-set',
        'Why delete the key instead of writing the new value?',
        'A delete cannot race a newer value back in.',
        9,
      ),
      card(
        'ttl-ends',
        'What ends a stale entry when nothing deletes it?',
        'Its TTL runs out and Redis removes the key.',
        14,
      ),
      card(
        'order-matters',
        'Why does the write order matter with `DEL`?',
        'Deleting before the commit lets a read put the old row back.',
        16,
      ),
    ],
    tasks: tasks ?? [
      { id: 'run-redis', text: 'Start redis-server and run `PING` in redis-cli.', minutes: 10 },
      { id: 'cache-a-read', text: 'Cache one read with a 60-second TTL and watch it expire.', minutes: 30 },
      {
        id: 'delete-on-write',
        text: 'Delete the key after the update commits, then read again.',
        minutes: 20,
      },
    ],
    takeaways: ['The first takeaway, long enough.', 'The second takeaway, long enough.', 'The third one.'],
    terms: [{ term: 'hit', definition: 'A lookup the cache answers by itself.' }],
  });
}

function card(
  id: string,
  prompt: string,
  answer: string,
  step: number,
  hint?: string,
): Lesson['cards'][number] {
  return {
    id,
    prompt,
    answer,
    ...(hint === undefined ? {} : { hint }),
    seeIt: { scenario: 'cache-aside-wrong-order', step, narration: 'cache.get.miss' },
  };
}

export const ALPHA = fixtureLesson({
  id: 'alpha',
  title: 'Alpha caching',
  scenarioIds: ['alpha-read', 'alpha-write'],
});
export const BETA = fixtureLesson({ id: 'beta', title: 'Beta sessions', phase: 1 });
export const GAMMA = fixtureLesson({ id: 'gamma', title: 'Gamma writes', phase: 2 });

/** A course of four: three written and available, one still coming. */
export const FIXTURE_LESSONS: readonly Lesson[] = [ALPHA, BETA, GAMMA];
export const FIXTURE_OUTLINES = FIXTURE_LESSONS.map(outlineOf);
export const FIXTURE_CURRICULUM: readonly CurriculumEntry[] = [
  { id: 'alpha', phase: 1, available: true, title: ALPHA.title, summary: ALPHA.summary },
  { id: 'beta', phase: 1, available: true, title: BETA.title, summary: BETA.summary },
  { id: 'gamma', phase: 2, available: true, title: GAMMA.title, summary: GAMMA.summary },
  { id: 'delta', phase: 2, available: false, title: 'Delta hashing', summary: 'Not written yet.' },
];

/** A fixed "now" for schedules: Monday 3 March 2025, 09:00 UTC. */
export const NOW = new Date('2025-03-03T09:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;
