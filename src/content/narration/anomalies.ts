import type { Anomaly, AnomalyKind } from '../../engine/index.ts';

/** What each kind of anomaly is called, as a heading or a marker's name. */
export const anomalyTitles: Record<AnomalyKind, string> = {
  'stale read': 'Stale read',
  'lost write': 'Lost write',
  divergence: 'Divergence',
};

/**
 * One anomaly the consistency checker found, in a plain-English sentence with the actors, keys and
 * versions involved. `labelOf` turns an actor id into its label.
 */
export function describeAnomaly(anomaly: Anomaly, labelOf: (actorId: string) => string): string {
  const title = anomalyTitles[anomaly.kind];
  switch (anomaly.kind) {
    case 'stale read':
      return (
        `${title}: ${labelOf(anomaly.client)} got ${anomaly.key} at version ${anomaly.readVersion}, ` +
        `but version ${anomaly.newestVersion} was committed before the read began.`
      );
    case 'lost write':
      return (
        `${title}: ${possessive(labelOf(anomaly.client))} write of "${anomaly.value}" to ${anomaly.key} ` +
        `was acknowledged but never reached the database.`
      );
    case 'divergence': {
      const holder =
        anomaly.where === 'cache' ? 'the cache' : `${possessive(labelOf(anomaly.where))} local cache`;
      const ending =
        anomaly.until === null
          ? 'it has no TTL, so it stays wrong until something deletes it'
          : `the TTL ends it in ${seconds(anomaly.until - anomaly.time)}`;
      return (
        `${title}: ${holder} holds ${anomaly.key} v${anomaly.cacheVersion}, the database has ` +
        `v${anomaly.dbVersion}, and nothing on its way will fix it; ${ending}.`
      );
    }
  }
}

/** The client operations involved, by request id: `request #12`, `requests #12 and #14`. */
export function describeOperations(operations: readonly number[]): string {
  const ids = operations.map((id) => `#${id}`);
  if (ids.length === 0) return 'no client request';
  if (ids.length === 1) return `request ${ids[0]}`;
  return `requests ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** `27 s`, `1.5 s`, `0.25 s`: whole seconds when exact, else as few decimals as say it. */
function seconds(ms: number): string {
  const value = Math.max(0, ms) / 1000;
  return `${Number(value.toFixed(value < 1 ? 2 : 1))} s`;
}
