import type { Anomaly, CommitRecord, History, OperationRecord } from '../sim/trace.ts';

/**
 * Reads that returned an older version than the newest one committed before the read began. A
 * read that overlaps a commit may see either version (that is not an anomaly); one that starts
 * after the commit must not see the old one.
 */
export function staleReadsIn(history: History): Anomaly[] {
  const commitsByKey = groupByKey(history.commits);
  const anomalies: Anomaly[] = [];
  for (const read of history.operations) {
    if (read.op !== 'read' || !read.ok || read.version === null || read.completedStep === null) continue;
    const newest = newestBefore(commitsByKey.get(read.key), read.invokedAt);
    if (newest === null || read.version >= newest.version) continue;
    anomalies.push({
      kind: 'stale read',
      step: read.completedStep,
      time: read.completedAt ?? read.invokedAt,
      key: read.key,
      operations: newest.requestId === null ? [read.requestId] : [read.requestId, newest.requestId],
      client: read.client,
      readVersion: read.version,
      newestVersion: newest.version,
    });
  }
  return anomalies;
}

/**
 * Writes acknowledged to a client that never reached the database. Each is visible at the step of
 * the crash that wiped it, or at the end of the run if nothing wiped it visibly.
 */
export function lostWritesIn(history: History, end: { step: number; time: number }): Anomaly[] {
  const committed = new Set(history.commits.map((c) => c.requestId));
  const anomalies: Anomaly[] = [];
  for (const write of history.operations) {
    if (write.op !== 'write' || !write.ok || write.completedStep === null || committed.has(write.requestId))
      continue;
    const loss = history.losses.find((l) => l.requestIds.includes(write.requestId));
    const at = loss ?? end;
    anomalies.push({
      kind: 'lost write',
      step: Math.max(at.step, write.completedStep),
      time: Math.max(at.time, write.completedAt ?? 0),
      key: write.key,
      operations: [write.requestId],
      client: write.client,
      value: write.value ?? '',
    });
  }
  return anomalies;
}

/** Every anomaly of a run, in the order they became visible. */
export function sortAnomalies(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => a.step - b.step || a.time - b.time);
}

function groupByKey(commits: readonly CommitRecord[]): Map<string, CommitRecord[]> {
  const byKey = new Map<string, CommitRecord[]>();
  for (const commit of commits) {
    const list = byKey.get(commit.key);
    if (list === undefined) byKey.set(commit.key, [commit]);
    else list.push(commit);
  }
  return byKey;
}

function newestBefore(commits: readonly CommitRecord[] | undefined, time: number): CommitRecord | null {
  let newest: CommitRecord | null = null;
  for (const commit of commits ?? []) {
    if (commit.time < time && (newest === null || commit.version > newest.version)) newest = commit;
  }
  return newest;
}

export type { OperationRecord };
