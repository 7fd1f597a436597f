import { describe, expect, it } from 'vitest';
import { parseLabSettings } from '../../src/engine/index.ts';
import { getLabScenario } from '../../src/content/labs/index.ts';
import { lessons } from '../../src/content/lessons/index.ts';

// A lesson's charts are runs of load-lab scenarios with settings given as text. A typo in a setting
// would only show up on the page, as a refused run: check every chart here instead.
const charts = lessons.flatMap((lesson) =>
  (lesson.charts ?? []).map((chart) => [`${lesson.id}: ${chart.title}`, chart] as const),
);

describe('lesson charts', () => {
  it('exist in the lessons that need them', () => {
    expect(charts.length).toBeGreaterThan(0);
  });

  it.each(charts)('%s runs a lab scenario with valid settings', (_, chart) => {
    const lab = getLabScenario(chart.scenario);
    expect(lab, `lab scenario ${chart.scenario}`).toBeDefined();
    const a = parseLabSettings(lab!, chart.settings);
    expect(a.problems).toEqual([]);
    if (chart.compare === undefined) return;
    const b = parseLabSettings(lab!, { ...chart.settings, ...chart.compare });
    expect(b.problems).toEqual([]);
    // Configuration B differs from A in at least one value, or the chart draws one run twice.
    const changed = Object.keys(b.values).filter((name) => b.values[name] !== a.values[name]);
    expect(changed, 'settings that compare changes').not.toEqual([]);
  });

  it('have unique titles within a lesson', () => {
    for (const lesson of lessons) {
      const titles = (lesson.charts ?? []).map((c) => c.title);
      expect(new Set(titles).size, lesson.id).toBe(titles.length);
    }
  });
});
