// The content layer's public surface, for the UI. Scripts that run in Node import
// `content/scenarios` directly (lessons pull in code samples through Vite's `?raw`). The lessons
// themselves (lessons/load.ts) and their outlines and terms are imported from their own modules:
// this one brings in the scenarios, and with them the engine, which the pages that list lessons
// must not load.
export {
  scenarios,
  getScenario,
  DEFAULT_SEED,
  scenarioGroups,
  type ScenarioGroup,
} from './scenarios/index.ts';
export { curriculum, type CurriculumEntry } from './curriculum.ts';
export { narrate, narrationTemplates } from './narration.ts';
export { codeLineForMarker } from './codeMarkers.ts';
export type { Lesson, LessonChart } from './schema.ts';
export { labScenarios, getLabScenario } from './labs/index.ts';
export { commandHelp, helpFor, type CommandHelp } from './redisHelp.ts';
