import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { codeLineForMarker } from '../../src/content/codeMarkers.ts';
import { curriculum } from '../../src/content/curriculum.ts';
import { lessons } from '../../src/content/lessons/index.ts';
import { narrate, narrationTemplates } from '../../src/content/narration.ts';
import { lessonSchema, scenarioSchema } from '../../src/content/schema.ts';
import { getScenario, scenarios } from '../../src/content/scenarios/index.ts';

describe('lessons', () => {
  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s is valid, listed in the curriculum, and its scenarios run',
    (_, lesson) => {
      expect(() => lessonSchema.parse(lesson)).not.toThrow();
      expect(curriculum.find((c) => c.id === lesson.id)?.available).toBe(true);
      for (const id of lesson.scenarioIds) {
        const scenario = getScenario(id);
        expect(scenario, `scenario ${id}`).toBeDefined();
        const trace = runScenario(scenario!, { seed: 1, record: 'frames' });
        // Every code step the Visual highlights exists in the lesson's code sample.
        for (const frame of trace.frames) {
          if (frame.code !== null)
            expect(
              codeLineForMarker(lesson.code.source, frame.code.marker),
              frame.code.marker,
            ).not.toBeNull();
        }
      }
    },
  );

  it('the curriculum lists the 14 lessons of CURRICULUM.md once each, and every available one exists', () => {
    expect(curriculum).toHaveLength(14);
    expect(new Set(curriculum.map((c) => c.id)).size).toBe(14);
    for (const entry of curriculum.filter((c) => c.available))
      expect(lessons.map((l) => l.id)).toContain(entry.id);
  });
});

describe('scenarios', () => {
  it('have unique ids and pass the schema', () => {
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(() => scenarioSchema.parse(s)).not.toThrow();
  });

  it('the schema names what is wrong with bad data', () => {
    const result = scenarioSchema.safeParse({
      ...scenarios[0],
      strategy: { read: 'cache-aside', write: 'sideways', ttlSeconds: -1 },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['strategy.write', 'strategy.ttlSeconds']));
  });
});

describe('narration', () => {
  it('has a sentence for every key any scenario emits, with every parameter filled in', () => {
    for (const s of scenarios) {
      for (const seed of [1, 2, 3]) {
        for (const frame of runScenario(s, { seed, record: 'frames' }).frames) {
          expect(narrationTemplates[frame.narration.key], frame.narration.key).toBeDefined();
          expect(narrate(frame.narration)).not.toMatch(/\{\w+/);
        }
      }
    }
  });

  it('fills parameters, shows actors by label, and picks singular or plural', () => {
    expect(
      narrate({ key: 'client.read.send', params: { client: 'browser', app: 'app', key: 'user:1' } }, (id) =>
        id.toUpperCase(),
      ),
    ).toBe('BROWSER asks APP for user:1.');
    expect(narrate({ key: 'run.start', params: { cacheKeys: 1, dbRows: 2 } })).toBe(
      'Nothing has happened yet. The cache holds 1 key; the database holds 2 rows. Step forward to send the first request.',
    );
    expect(narrate({ key: 'no.such.key', params: {} })).toBe('no.such.key');
  });
});

describe('codeLineForMarker', () => {
  const source = ['const a = 1; // step: first', 'const b = 2;', 'return a + b; // step: last'].join('\n');
  it('finds the 1-based line of a step marker, and null for a missing one', () => {
    expect(codeLineForMarker(source, 'first')).toBe(1);
    expect(codeLineForMarker(source, 'last')).toBe(3);
    expect(codeLineForMarker(source, 'fir')).toBeNull();
    expect(codeLineForMarker(source, 'missing')).toBeNull();
  });
});
