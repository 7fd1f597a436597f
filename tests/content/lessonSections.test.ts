import { describe, expect, it } from 'vitest';
import { runScenario, type Trace } from '../../src/engine/index.ts';
import { codeLineForMarker } from '../../src/content/codeMarkers.ts';
import { curriculum } from '../../src/content/curriculum.ts';
import { lessonSchema, type Lesson } from '../../src/content/lessonSchema.ts';
import { lessons } from '../../src/content/lessons/index.ts';
import { DEFAULT_SEED, getScenario } from '../../src/content/scenarios/index.ts';
import { questionAt } from '../../src/ui/questions/questionAt.ts';

// Every lesson against the eleven-section schema, and everything it points at: its scenarios run,
// every step a card or a question names exists and says what the lesson expects, every question can
// be computed there, every code marker of the Visual is in the code sample, and no two lessons
// define the same term.

const traces = new Map<string, Trace>();
function traceOf(id: string): Trace {
  let trace = traces.get(id);
  if (trace === undefined) {
    const scenario = getScenario(id);
    if (scenario === undefined) throw new Error(`no scenario "${id}"`);
    trace = runScenario(scenario, { seed: DEFAULT_SEED, record: 'frames' });
    traces.set(id, trace);
  }
  return trace;
}

const all = lessons as unknown as Lesson[];

describe.each(all.map((l) => [l.id, l] as const))('lesson %s', (_, lesson) => {
  it('has all eleven sections, valid', () => {
    const parsed = lessonSchema.safeParse(lesson);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      [],
    );
  });

  it('is in the curriculum, with the same title, phase and summary', () => {
    const entry = curriculum.find((c) => c.id === lesson.id);
    expect(entry?.available).toBe(true);
    expect([lesson.title, lesson.phase, lesson.summary]).toEqual([
      entry?.title,
      entry?.phase,
      entry?.summary,
    ]);
  });

  it('points only at steps that exist and say what it expects', () => {
    const refs = [
      ...lesson.cards.map((c) => ({ what: `card ${c.id}`, ...c.seeIt })),
      ...lesson.questions.map((q) => ({ what: `question at ${q.scenario} step ${q.step}`, ...q })),
    ];
    for (const ref of refs) {
      expect(lesson.scenarioIds, `${ref.what}: its scenario is in the Visual`).toContain(ref.scenario);
      const frame = traceOf(ref.scenario).frames[ref.step];
      expect(frame?.narration.key, `${ref.what}: step ${ref.step}`).toBe(ref.narration);
    }
  });

  it('asks only questions the trace can answer', () => {
    for (const q of lesson.questions) {
      const computed = questionAt(traceOf(q.scenario), q.kind, q.step);
      expect(
        typeof computed === 'string' ? computed : 'ok',
        `${q.kind} at ${q.scenario} step ${q.step}`,
      ).toBe('ok');
      if (typeof computed !== 'string') {
        expect(computed.choices.length).toBeGreaterThanOrEqual(2);
        expect(computed.choices.map((c) => c.id)).toContain(computed.answer);
      }
    }
  });

  it('highlights only code lines that exist', () => {
    for (const id of lesson.scenarioIds) {
      for (const frame of traceOf(id).frames) {
        if (frame.code !== null)
          expect(
            codeLineForMarker(lesson.code.source, frame.code.marker),
            `${id}: ${frame.code.marker}`,
          ).not.toBeNull();
      }
    }
  });
});

describe('the lessons together', () => {
  it('define each glossary term once', () => {
    const seen = new Map<string, string>();
    for (const lesson of all) {
      for (const { term } of lesson.terms ?? []) {
        const key = term.toLowerCase();
        expect(seen.get(key), `"${term}" in ${lesson.id}`).toBeUndefined();
        seen.set(key, lesson.id);
      }
    }
  });
});
