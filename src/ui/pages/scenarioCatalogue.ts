import type { Scenario } from '../../engine/index.ts';
import { curriculum, scenarioGroups } from '../../content/index.ts';
import type { CurriculumEntry } from '../../content/index.ts';

/** A lesson's scenarios with what the curriculum says about the lesson. */
export interface ScenarioShelf {
  lessonId: string;
  title: string;
  summary: string | null;
  phase: 1 | 2 | null;
  /** True when the lesson page is written, so it can be linked to. */
  lessonAvailable: boolean;
  scenarios: readonly Scenario[];
}

function shelfOf(lessonId: string, scenarios: readonly Scenario[], entry: CurriculumEntry | undefined) {
  return {
    lessonId,
    // A group for a lesson the curriculum does not list yet still shows, under its id.
    title: entry?.title ?? lessonId,
    summary: entry?.summary ?? null,
    phase: entry?.phase ?? null,
    lessonAvailable: entry?.available ?? false,
    scenarios,
  };
}

/** Every lesson that has scenarios, in the order the groups are listed; empty groups are left out. */
export function scenarioShelves(): ScenarioShelf[] {
  return scenarioGroups
    .filter((group) => group.scenarios.length > 0)
    .map((group) =>
      shelfOf(
        group.lessonId,
        group.scenarios,
        curriculum.find((entry) => entry.id === group.lessonId),
      ),
    );
}

export function scenarioShelf(lessonId: string): ScenarioShelf | undefined {
  return scenarioShelves().find((shelf) => shelf.lessonId === lessonId);
}

/** The player page's address with one scenario selected. */
export function scenarioHref(lessonId: string, scenarioId: string): string {
  return `/scenarios/${encodeURIComponent(lessonId)}?scenario=${encodeURIComponent(scenarioId)}`;
}
