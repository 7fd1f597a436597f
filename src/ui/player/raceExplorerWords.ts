/** The race explorer's words and marks. Pure, so tests can pin them down without rendering. */
import type { RaceExploration, RaceOperation, RaceRun } from '../../engine/index.ts';

/** One of the two racing operations as the grid draws it. */
export interface RaceSide {
  requestId: number;
  /** Who, for people: the client's label, with more words only when one client runs both. */
  name: string;
  /** A letter on every chip, so the two operations tell apart without colour. */
  mark: string;
  /** Which of the two operation colours (see raceExplorer.css). */
  slot: 0 | 1;
  op: string;
  key: string;
}

export function sidesOf(
  operations: readonly [RaceOperation, RaceOperation],
  labelOf: (actorId: string) => string,
): [RaceSide, RaceSide] {
  const [first, second] = operations;
  const firstLabel = labelOf(first.client);
  const secondLabel = labelOf(second.client);
  const initial = (label: string) => (label.trim().charAt(0) || '?').toUpperCase();
  const sameInitial = initial(firstLabel) === initial(secondLabel);
  // One client running both: tell them apart by what they do, else by their place in the script.
  const nameOf = (operation: RaceOperation, label: string) =>
    firstLabel !== secondLabel
      ? label
      : first.op !== second.op
        ? `${label} (${operation.op})`
        : `${label} (request ${operation.requestId})`;
  const side = (operation: RaceOperation, label: string, slot: 0 | 1): RaceSide => ({
    requestId: operation.requestId,
    name: nameOf(operation, label),
    mark: sameInitial ? `${initial(label)}${slot + 1}` : initial(label),
    slot,
    op: operation.op,
    key: operation.key,
  });
  return [side(first, firstLabel, 0), side(second, secondLabel, 1)];
}

const VERBS: Record<string, string> = { read: 'reads', write: 'writes' };
const verbOf = (op: string) => VERBS[op] ?? `runs ${op} on`;

/** "Bob reads user:42:email; Alice writes it." */
export function introSentence([first, second]: readonly [RaceSide, RaceSide]): string {
  const secondKey = second.key === first.key ? 'it' : second.key;
  return `${first.name} ${verbOf(first.op)} ${first.key}; ${second.name} ${verbOf(second.op)} ${secondKey}.`;
}

/** The legend's words for one side: "Bob reads user:42:email". */
export function sideDescription(side: RaceSide): string {
  return `${side.name} ${verbOf(side.op)} ${side.key}`;
}

/** "3 of 10 interleavings end stale with this strategy." */
export function summarySentence(exploration: RaceExploration): string {
  const total = exploration.runs.length;
  const noun = total === 1 ? 'interleaving' : 'interleavings';
  const verb = exploration.staleRuns === 1 ? 'ends' : 'end';
  const of = exploration.complete ? `${total}` : `the first ${total}`;
  return `${exploration.staleRuns} of ${of} ${noun} ${verb} stale with this strategy.`;
}

/** The bound said plainly: what is enumerated, the most that is run, and whether that was reached. */
export function boundSentences(exploration: RaceExploration): string {
  const what =
    'The explorer runs every order of the steps where the two operations touch the cache or the database. ' +
    "Their other steps touch only that operation's own state, so their order changes nothing.";
  const limit = `It runs at most ${exploration.maxRuns} interleavings`;
  return exploration.complete
    ? `${what} ${limit}; this race has ${exploration.runs.length}, so every one is here.`
    : `${what} ${limit}, and this race reached that bound: there are more orders, which were not run.`;
}

/** A cell's accessible name: its number, its whole order and its outcome. */
export function cellName(index: number, run: RaceRun, nameOf: (requestId: number) => string): string {
  const steps = run.steps.map((step) => `${nameOf(step.requestId)} ${step.label}`).join(', ');
  return `Interleaving ${index + 1}: ${steps}. Ends ${run.outcome}. Open in the player`;
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((requestId, index) => requestId === b[index]);
}
