import { z } from 'zod';

/**
 * A lesson: the eleven sections of CURRICULUM.md as data, checked by zod (DESIGN.md, rule 4). Prose
 * is plain text: no HTML, no Markdown. Inline code is written between backticks (`SET key value EX
 * 30`) and shown as code. A glossary term is linked wherever its exact text appears in prose.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens');
/** A paragraph: at least a sentence. */
const paragraph = z.string().min(40);
const positiveInt = z.number().int().positive();

/**
 * A step of one of the lesson's scenarios at seed 1, as the player counts it (0 is the state before
 * anything happens), with the narration that step has: a test runs the scenario and checks that
 * the step exists and says that, so a link never points at a step that shows something else.
 */
const stepRef = z.object({
  scenario: z.string(),
  step: z.number().int().nonnegative(),
  /** The narration key of that step (`cache.get.miss`), checked by the content tests. */
  narration: z.string(),
});

export type StepRef = z.infer<typeof stepRef>;

const chartText = {
  title: z.string().min(1),
  /** What to look for in the chart, in a sentence or two. */
  caption: z.string().min(40),
};

/**
 * A chart in a lesson, drawn by one of the Lab's labs when the reader asks, with a link to the same
 * settings in the Lab. A test checks every setting.
 *  - `load`: a run of a load-lab scenario (content/labs) with the settings given as the lab's form
 *    and `npm run sim -- lab --set` take them, and optionally a second configuration (B: the
 *    settings that differ from A's) drawn on the same axes.
 *  - `eviction`, `sharding`: those labs with the settings their address takes (`#/playground/lab?
 *    lab=eviction&alpha=0.8&…`), written here as name → value without `lab`.
 */
const lessonChart = z.discriminatedUnion('lab', [
  z.object({
    lab: z.literal('load'),
    ...chartText,
    scenario: z.string(),
    settings: z.record(z.string(), z.string()),
    compare: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ lab: z.literal('eviction'), ...chartText, settings: z.record(z.string(), z.string()) }),
  z.object({ lab: z.literal('sharding'), ...chartText, settings: z.record(z.string(), z.string()) }),
]);

export type LessonChart = z.infer<typeof lessonChart>;

/**
 * A predict-then-reveal question. The player stops just before `step` (the step that shows the
 * answer) and asks; the prompt, the choices and the right answer are computed from the trace at that
 * step (ui/questions/questionAt.ts), never written here, so they stay true when a scenario changes.
 *  - `reply-source`: `step` is a client receiving its read's answer: where did it come from?
 *  - `reply-value`: the same step: which value does the client get?
 *  - `cache-lookup`: `step` is Redis answering a GET: is the key found?
 *  - `stale-after`: after `step`, does Redis (or a local cache) hold an older version than the database?
 *  - `page-outcome`: `step` is a client receiving a page (`client.page.done` / `client.page.logged-out`):
 *    is the user still signed in?
 *  - `delivery-count`: `step` delivers one message to several (`app.chat.published`, `app.chat.fanout`,
 *    `broker.store`): to how many?
 */
export const QUESTION_KINDS = [
  'reply-source',
  'reply-value',
  'cache-lookup',
  'stale-after',
  'page-outcome',
  'delivery-count',
] as const;

const question = stepRef.extend({
  kind: z.enum(QUESTION_KINDS),
  /** Why the answer is what it is, shown once the learner has answered: one or two sentences. */
  why: z.string().min(20),
});

export type LessonQuestion = z.infer<typeof question>;

/** An explain-it card: reviewed with spaced repetition; `seeIt` is the step that shows the answer. */
const card = z.object({
  /** Unique in the lesson; with the lesson id, the card's id in the review store (never reuse one). */
  id: slug,
  prompt: z.string().min(10),
  hint: z.string().min(5).optional(),
  answer: z.string().min(20),
  seeIt: stepRef,
});

export type LessonCard = z.infer<typeof card>;

export const lessonSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    phase: z.union([z.literal(1), z.literal(2)]),
    summary: z.string().min(1),
    /** 1. The problem and why it matters. */
    bigIdea: z.array(paragraph).min(1),
    /** 2. One concrete everyday analogy, in a paragraph or two. */
    intuition: z.array(paragraph).min(1),
    /** 3. Visual: the step-through scenarios, in order, and lab charts for what takes thousands of requests. */
    scenarioIds: z.array(z.string()),
    charts: z.array(lessonChart).optional(),
    questions: z.array(question),
    /** 4. The mechanics in parts (A, B, C…). */
    depth: z.array(z.object({ title: z.string().min(1), paragraphs: z.array(paragraph).min(1) })).min(2),
    /** 5. Code lab: real TypeScript whose `// step: <marker>` lines the Visual highlights. */
    code: z.object({
      title: z.string().min(1),
      language: z.literal('typescript'),
      source: z.string().min(1),
    }),
    /** 6. Each: a symptom you would see, its cause, and the fix. */
    pitfalls: z
      .array(z.object({ symptom: z.string().min(10), cause: z.string().min(10), fix: z.string().min(10) }))
      .min(2),
    /** 7. How known systems do it: only claims with a public source, named. */
    realWorld: z
      .array(
        z.object({
          text: paragraph,
          source: z.object({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }) }),
        }),
      )
      .min(1),
    /** 8. A question and a strong model answer. */
    interview: z.object({ question: z.string().min(10), answer: z.array(paragraph).min(1) }),
    /** 9. Explain it: at least four cards. */
    cards: z.array(card).min(4),
    /** 10. Do this today: practical tasks with time estimates. */
    tasks: z.array(z.object({ id: slug, text: z.string().min(10), minutes: positiveInt })).min(2),
    /** 11. Takeaways and terms. */
    takeaways: z.array(z.string().min(10)).min(3).max(5),
    terms: z.array(z.object({ term: z.string().min(1), definition: z.string().min(20) })).min(1),
  })
  .refine((l) => l.scenarioIds.length > 0 || (l.charts?.length ?? 0) > 0, {
    message: 'a lesson’s Visual needs a scenario or a chart',
    path: ['scenarioIds'],
  })
  .refine((l) => l.scenarioIds.length === 0 || l.questions.length > 0, {
    message: 'a lesson with scenarios asks at least one predict-then-reveal question',
    path: ['questions'],
  })
  .refine((l) => new Set(l.cards.map((c) => c.id)).size === l.cards.length, {
    message: 'card ids must be unique in a lesson',
    path: ['cards'],
  })
  .refine((l) => new Set(l.tasks.map((t) => t.id)).size === l.tasks.length, {
    message: 'task ids must be unique in a lesson',
    path: ['tasks'],
  });

export type Lesson = z.infer<typeof lessonSchema>;
