import type { ConsoleCommand, Fault, Intervention, Scenario, Trace } from '../../engine/index.ts';
import { formatIntervention } from '../player/deepLink.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { raceFailure, raceProblem } from '../player/raceLink.ts';
import { traceFor } from '../player/traceCache.ts';

/**
 * The run a link asks for, after the checks only a run can make: a fault that names an actor the
 * run does not have, or comes after the run's last step, is left out; a race order that names a
 * request the script does not have, or that the engine cannot play, is dropped. Each becomes a
 * problem in words, and the link is rewritten without it.
 */
export type LinkedRun =
  | {
      ok: true;
      trace: Trace;
      /** The interventions the run applied: the link's, minus the unusable ones. */
      interventions: readonly Intervention[];
      race: readonly number[] | null;
      problems: DeepLinkProblem[];
    }
  | { ok: false; message: string; interventions: readonly Intervention[]; race: readonly number[] | null };

export function linkedRun(
  scenario: Scenario,
  seed: number,
  commands: readonly ConsoleCommand[],
  requested: readonly Intervention[],
  requestedRace: readonly number[] | null,
): LinkedRun {
  const problems: DeepLinkProblem[] = [];
  let race = requestedRace;
  let interventions = requested;
  try {
    if (race !== null) {
      const problem = raceProblem(race, scenario.script.length);
      if (problem !== null) {
        problems.push(problem);
        race = null;
      }
    }
    if (interventions.length > 0) {
      // The engine would apply a fault on an unknown actor as a step that does nothing; say so instead.
      const actors = new Set(traceFor(scenario, seed).actors.map((actor) => actor.id));
      interventions = leaveOut(interventions, problems, (intervention) => {
        const unknown = faultActors(intervention.fault).filter((id) => !actors.has(id));
        return unknown.length === 0
          ? null
          : `names ${unknown.map((id) => `\u201c${id}\u201d`).join(' and ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in this run`;
      });
    }
    let trace: Trace;
    try {
      trace = traceFor(scenario, seed, commands, interventions, race);
    } catch (error) {
      if (race === null) throw error;
      problems.push(raceFailure(race, messageOf(error)));
      race = null;
      trace = traceFor(scenario, seed, commands, interventions, race);
    }
    // A fault applies after the step it names; the last step the run takes is the one before its end.
    const lastStep = trace.frames.length - 1;
    const applied = leaveOut(interventions, problems, (intervention) =>
      intervention.atStep < lastStep
        ? null
        : `comes after step ${intervention.atStep}, but this run ends at step ${lastStep}: it would never apply`,
    );
    if (applied.length < interventions.length) {
      interventions = applied;
      trace = traceFor(scenario, seed, commands, interventions, race);
    }
    return { ok: true, trace, interventions, race, problems };
  } catch (error) {
    return { ok: false, message: messageOf(error), interventions, race };
  }
}

/** The interventions `reasonOf` has no reason against; each one left out is reported. */
function leaveOut(
  interventions: readonly Intervention[],
  problems: DeepLinkProblem[],
  reasonOf: (intervention: Intervention) => string | null,
): readonly Intervention[] {
  const kept = interventions.filter((intervention) => {
    const reason = reasonOf(intervention);
    if (reason === null) return true;
    const entry = formatIntervention(intervention);
    problems.push({
      param: 'fx',
      value: entry,
      message: `The link\u2019s intervention \u201c${entry}\u201d ${reason}, so it was left out.`,
    });
    return false;
  });
  return kept.length === interventions.length ? interventions : kept;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The actors a fault names. */
export function faultActors(fault: Fault): string[] {
  switch (fault.kind) {
    case 'crash':
    case 'restart':
      return [fault.node];
    case 'partition':
      return fault.nodes;
    case 'delay link':
      return [fault.a, fault.b];
    case 'drop next message':
      return [fault.from, fault.to];
    case 'drop message':
    case 'heal':
    case 'slow database':
    case 'fail database writes':
      return [];
  }
}
