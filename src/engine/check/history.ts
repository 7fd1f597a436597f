import type { Message } from '../sim/messages.ts';
import type { Commit } from '../sim/rowStore.ts';
import type { History, OperationRecord } from '../sim/trace.ts';

/**
 * Writes down what the checker needs while a run goes: each client operation when its request
 * leaves the client and when its response arrives, each commit, and each acknowledged write a
 * crash wiped before it was durable.
 */
export class HistoryRecorder {
  readonly history: History = { operations: [], commits: [], losses: [] };
  private readonly open = new Map<number, OperationRecord>();
  private commitsSeen = 0;

  constructor(private readonly clients: ReadonlySet<string>) {}

  /** A message left an actor at `time`, in the step that becomes frame `step`. */
  sent(message: Message, time: number, step: number): void {
    if (!this.clients.has(message.from)) return;
    const p = message.payload;
    const base = { requestId: p.requestId, client: message.from, invokedAt: time, invokedStep: step };
    const done = { version: null, completedAt: null, completedStep: null, ok: false };
    let record: OperationRecord | null = null;
    if (p.kind === 'read request') record = { ...base, ...done, op: 'read', key: p.key, value: null };
    else if (p.kind === 'write request')
      record = { ...base, ...done, op: 'write', key: p.key, value: p.value };
    else if (p.kind === 'login request') record = { ...base, ...done, op: 'login', key: p.user, value: null };
    else if (p.kind === 'page request')
      record = { ...base, ...done, op: 'page', key: p.page, value: p.session };
    else if (p.kind === 'chat post') record = { ...base, ...done, op: 'chat', key: p.room, value: p.text };
    if (record === null) return;
    this.open.set(record.requestId, record);
    this.history.operations.push(record);
  }

  /** A message reached a client: a response completes its operation. */
  delivered(message: Message, time: number, step: number): void {
    const p = message.payload;
    if (p.kind !== 'response' || !this.clients.has(message.to)) return;
    const record = this.open.get(p.requestId);
    if (record === undefined) return;
    this.open.delete(p.requestId);
    record.completedAt = time;
    record.completedStep = step;
    record.ok = p.ok;
    record.version = p.version;
    if (record.op === 'read') record.value = p.value;
  }

  /** Stamps the commits made during the step that becomes frame `step`. */
  committed(commits: readonly Commit[], time: number, step: number): void {
    for (; this.commitsSeen < commits.length; this.commitsSeen++) {
      const { key, value, version, requestId } = commits[this.commitsSeen]!;
      this.history.commits.push({ key, value, version, requestId, time, step });
    }
  }

  lost(requestIds: readonly number[], time: number, step: number): void {
    if (requestIds.length > 0) this.history.losses.push({ requestIds: [...requestIds], time, step });
  }
}
