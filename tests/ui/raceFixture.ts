import type { RaceExploration, RaceRun, RaceStep } from '../../src/engine/index.ts';

/**
 * A hand-made exploration of the stale-overwrite race, independent of the engine: Bob's read
 * (request 1: GET, SELECT, SET) against Alice's write (request 2: COMMIT v2, DEL). Bob's SELECT sees
 * version 2 once Alice has committed; his SET of version 1 ends stale when it lands after the DEL.
 */
const BOB = 1;
const ALICE = 2;

/** Every order of three steps of Bob's and two of Alice's, depth first, Bob's step first. */
function orders(bob: number, alice: number): number[][] {
  if (bob === 0 && alice === 0) return [[]];
  return [
    ...(bob > 0 ? orders(bob - 1, alice).map((rest) => [BOB, ...rest]) : []),
    ...(alice > 0 ? orders(bob, alice - 1).map((rest) => [ALICE, ...rest]) : []),
  ];
}

function runOf(order: number[], index: number): RaceRun {
  let bobSteps = 0;
  let aliceSteps = 0;
  let readVersion = 1;
  let deleted = false;
  let stale = false;
  const steps: RaceStep[] = order.map((requestId) => {
    if (requestId === ALICE) {
      aliceSteps += 1;
      if (aliceSteps === 1) return { requestId, actor: 'db', label: 'COMMIT v2' };
      deleted = true;
      return { requestId, actor: 'cache', label: 'DEL' };
    }
    bobSteps += 1;
    if (bobSteps === 1) return { requestId, actor: 'cache', label: 'GET' };
    if (bobSteps === 2) {
      readVersion = aliceSteps >= 1 ? 2 : 1;
      return { requestId, actor: 'db', label: `SELECT v${readVersion}` };
    }
    stale = deleted && readVersion === 1;
    return { requestId, actor: 'cache', label: `SET v${readVersion}` };
  });
  const step = 30 + index;
  return {
    order,
    steps,
    outcome: stale ? 'stale' : 'fresh',
    anomalies: stale
      ? [
          {
            kind: 'stale read',
            step,
            time: 320,
            key: 'user:42:email',
            operations: [3],
            client: 'alice',
            readVersion: 1,
            newestVersion: 2,
          },
        ]
      : [],
    firstAnomalyStep: stale ? step : null,
  };
}

const runs = orders(3, 2).map(runOf);

export const raceOperations: RaceExploration['operations'] = [
  { requestId: BOB, client: 'bob', clientLabel: 'Bob', op: 'read', key: 'user:42:email' },
  { requestId: ALICE, client: 'alice', clientLabel: 'Alice', op: 'write', key: 'user:42:email' },
];

/** All ten interleavings; the stale ones are those with SELECT v1 before COMMIT and SET after DEL. */
export const fullExploration: RaceExploration = {
  operations: raceOperations,
  runs,
  staleRuns: runs.filter((run) => run.outcome === 'stale').length,
  maxRuns: 200,
  complete: true,
};

/** The same race cut short by a bound of four runs. */
export const boundedExploration: RaceExploration = {
  operations: raceOperations,
  runs: runs.slice(0, 4),
  staleRuns: runs.slice(0, 4).filter((run) => run.outcome === 'stale').length,
  maxRuns: 4,
  complete: false,
};

export const labels: Record<string, string> = {
  alice: 'Alice',
  bob: 'Bob',
  'node-a': 'Node A',
  'node-b': 'Node B',
};
export const labelOf = (actorId: string) => labels[actorId] ?? actorId;
