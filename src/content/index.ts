// The content layer's public surface, for the UI. Scripts that run in Node import
// `content/scenarios` directly (lessons pull in code samples through Vite's `?raw`).
export {
  scenarios,
  getScenario,
  DEFAULT_SEED,
  scenarioGroups,
  type ScenarioGroup,
} from './scenarios/index.ts';
export { loadLesson, loadLessons } from './lessons/load.ts';
export { lessonOutlines } from './lessonOutlines.ts';
export { lessonTerms } from './lessonTerms.ts';
export type { LessonOutline, LessonTerms } from './lessonOutline.ts';
export { curriculum, type CurriculumEntry } from './curriculum.ts';
export { narrate, narrationTemplates } from './narration.ts';
export { codeLineForMarker } from './codeMarkers.ts';
export type { Lesson, LessonChart } from './schema.ts';
export { labScenarios, getLabScenario } from './labs/index.ts';
export { commandHelp, helpFor, type CommandHelp } from './redisHelp.ts';
