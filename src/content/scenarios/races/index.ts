import type { Scenario } from '../../../engine/index.ts';
import { raceFixDoubleDelete, raceFixLease, raceFixVersionCas } from './race-fixes.ts';
import { staleOverwriteRace } from './stale-overwrite-race.ts';

/** The races lesson's scenarios, in the order the lesson shows them. */
export const raceScenarios: readonly Scenario[] = [
  staleOverwriteRace,
  raceFixVersionCas,
  raceFixDoubleDelete,
  raceFixLease,
];
