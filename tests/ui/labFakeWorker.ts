import { act } from '@testing-library/react';
import type { FromLabWorker, LabResult, LabWorkerPort, ToLabWorker } from '../../src/ui/lab/labProtocol.ts';

/**
 * A stand-in for the lab's Web Worker: it records what the page posts and answers only when the
 * test says so, so progress, results and cancelling can be checked step by step.
 */
export class FakeLabWorker implements LabWorkerPort {
  static created: FakeLabWorker[] = [];
  readonly posted: ToLabWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromLabWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  constructor() {
    FakeLabWorker.created.push(this);
  }

  static reset(): void {
    FakeLabWorker.created = [];
  }

  /** The worker made most recently. */
  static latest(): FakeLabWorker {
    const worker = FakeLabWorker.created.at(-1);
    if (worker === undefined) throw new Error('no lab worker was created');
    return worker;
  }

  postMessage(message: ToLabWorker): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The latest start message's run. */
  get runId(): number {
    const start = this.posted.at(-1);
    if (start === undefined) throw new Error('nothing was started');
    return start.runId;
  }

  progress(done: number, total: number): void {
    this.send({ type: 'progress', runId: this.runId, done, total });
  }

  finish(result: LabResult): void {
    this.send({ type: 'result', runId: this.runId, result });
  }

  fail(message: string): void {
    this.send({ type: 'error', runId: this.runId, message });
  }

  private send(message: FromLabWorker): void {
    act(() => this.onmessage?.(new MessageEvent('message', { data: message })));
  }
}
