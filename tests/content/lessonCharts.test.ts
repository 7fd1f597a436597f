import { describe, expect, it } from 'vitest';
import { parseLabSettings } from '../../src/engine/index.ts';
import { getLabScenario } from '../../src/content/labs/index.ts';
import { lessons } from '../../src/content/lessons/index.ts';
import type { LessonChart } from '../../src/content/lessonSchema.ts';
import { parseEvictionSettings } from '../../src/ui/lab/evictionLink.ts';
import { parseShardingSettings } from '../../src/ui/lab/shardingLink.ts';

// A lesson's charts are runs of the Lab's labs with settings given as text. A typo in a setting
// would only show up on the page, as a refused run or a default silently used: check every chart.
const charts = lessons.flatMap((lesson) =>
  (lesson.charts ?? []).map((chart) => [`${lesson.id}: ${chart.title}`, chart] as const),
);

/** What could not be used of a chart's settings, in words; empty when every setting is valid. */
function problemsOf(chart: LessonChart): string[] {
  switch (chart.lab) {
    case 'load': {
      const lab = getLabScenario(chart.scenario);
      if (lab === undefined) return [`no lab scenario "${chart.scenario}"`];
      const a = parseLabSettings(lab, chart.settings);
      if (chart.compare === undefined) return a.problems.map((p) => p.message);
      const b = parseLabSettings(lab, { ...chart.settings, ...chart.compare });
      // Configuration B differs from A in at least one value, or the chart draws one run twice.
      const changed = Object.keys(b.values).filter((name) => b.values[name] !== a.values[name]);
      return [
        ...[...a.problems, ...b.problems].map((p) => p.message),
        ...(changed.length === 0 ? ['compare changes nothing'] : []),
      ];
    }
    case 'eviction':
      return parseEvictionSettings(new URLSearchParams(chart.settings)).problems.map((p) => p.message);
    case 'sharding':
      return parseShardingSettings(new URLSearchParams(chart.settings)).problems.map((p) => p.message);
  }
}

describe('lesson charts', () => {
  it('exist in the lessons that need them', () => {
    expect(charts.length).toBeGreaterThan(0);
  });

  it.each(charts)('%s runs a lab with valid settings', (_, chart) => {
    expect(problemsOf(chart)).toEqual([]);
  });

  it('catch a bad setting, a setting not in use, and a comparison that changes nothing', () => {
    const load = { lab: 'load', title: 't', caption: 'c', scenario: 'stampede' } as const;
    expect(problemsOf({ ...load, settings: { protection: 'lock' } })).toEqual([
      'Protection must be one of none, mutex, single-flight, xfetch, stale-while-revalidate; got "lock".',
    ]);
    expect(problemsOf({ ...load, settings: { beta: '2' } })).toEqual([
      'XFetch β is not used with these settings (it needs protection = xfetch).',
    ]);
    expect(problemsOf({ ...load, settings: {}, compare: { protection: 'none' } })).toEqual([
      'compare changes nothing',
    ]);
    expect(
      problemsOf({ lab: 'sharding', title: 't', caption: 'c', settings: { nodes: 'lots' } }),
    ).not.toEqual([]);
  });

  it('have unique titles within a lesson', () => {
    for (const lesson of lessons) {
      const titles = (lesson.charts ?? []).map((c) => c.title);
      expect(new Set(titles).size, lesson.id).toBe(titles.length);
    }
  });
});
