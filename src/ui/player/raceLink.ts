/*
 * A race order in a link: `race=1.1.2.1.2`, the request ids of two operations in the order they take
 * their steps at the cache and the database (see the engine's `RunOptions.race`). Request ids are
 * 1-based positions in the scenario's script. Dots need no escaping, so the order stays readable.
 */

import { WHOLE_NUMBER, shown } from './linkProblem.ts';
import type { DeepLinkProblem } from './linkProblem.ts';

export type RaceParse = { ok: true; race: number[] } | { ok: false; problem: DeepLinkProblem };

export function formatRace(race: readonly number[]): string {
  return race.join('.');
}

const WITHOUT_IT = 'Showing the run without a race order instead.';

function problemOf(text: string, reason: string): DeepLinkProblem {
  return {
    param: 'race',
    value: shown(text),
    message: `The link\u2019s race order \u201c${shown(text)}\u201d ${reason}. ${WITHOUT_IT}`,
  };
}

/** Reads the `race` parameter's form: whole request ids, joined by dots, of exactly two operations. */
export function parseRace(text: string): RaceParse {
  const parts = text.split('.');
  if (text === '' || !parts.every((part) => WHOLE_NUMBER.test(part) && Number(part) >= 1)) {
    return {
      ok: false,
      problem: problemOf(
        text,
        'is not a list of request ids (whole numbers from 1) joined by dots, like \u201c1.1.2.1.2\u201d',
      ),
    };
  }
  const race = parts.map(Number);
  const distinct = new Set(race).size;
  if (distinct !== 2) {
    return {
      ok: false,
      problem: problemOf(
        text,
        distinct === 1
          ? 'names only one operation; a race needs two'
          : `names ${distinct} operations; a race is between exactly two`,
      ),
    };
  }
  return { ok: true, race };
}

/** Checks a race order against a script of `requestCount` operations (request ids 1 to that). */
export function raceProblem(race: readonly number[], requestCount: number): DeepLinkProblem | null {
  const unknown = [...new Set(race)].filter((id) => id > requestCount);
  if (unknown.length === 0) return null;
  const text = formatRace(race);
  const range = requestCount === 1 ? 'only request 1' : `requests 1 to ${requestCount}`;
  return problemOf(
    text,
    `names request ${unknown.join(' and ')}, but this scenario\u2019s script has ${range}`,
  );
}

/** The race order's effect failed in the engine: said in words, and the run shown without it. */
export function raceFailure(race: readonly number[], message: string): DeepLinkProblem {
  return problemOf(formatRace(race), `could not be played (${message})`);
}
