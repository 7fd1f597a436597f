import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Scenario, Trace } from '../../src/engine/index.ts';
import { DEFAULT_SEED, getScenario, scenarios } from '../../src/content/index.ts';
import { runOptions } from '../../src/ui/player/traceCache.ts';
import type { TraceReply, TraceRequest } from '../../src/ui/player/backgroundTrace.ts';

describe('a plain run crosses to and from the worker unchanged', () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    expect(structuredClone(scenario)).toEqual(scenario);
    const trace = runScenario(scenario, runOptions(DEFAULT_SEED));
    expect(structuredClone(trace)).toEqual(trace);
  });
});

/** A stand-in for the trace worker: runs the engine and answers on a later task, or fails to start. */
class FakeWorker {
  static posted: TraceRequest[] = [];
  static replies: Trace[] = [];
  static fail = false;
  onmessage: ((event: MessageEvent<TraceReply>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  postMessage(request: TraceRequest) {
    FakeWorker.posted.push(request);
    setTimeout(() => {
      if (FakeWorker.fail) {
        this.onerror?.(new Event('error'));
        return;
      }
      const trace = runScenario(request.scenario, runOptions(request.seed));
      FakeWorker.replies.push(trace);
      this.onmessage?.(new MessageEvent('message', { data: { id: request.id, trace } }));
    }, 0);
  }
}

/** Fresh modules per test: the worker and the remembered runs are module state. */
async function freshModules() {
  vi.resetModules();
  const background = await import('../../src/ui/player/backgroundTrace.ts');
  const cache = await import('../../src/ui/player/traceCache.ts');
  function Probe({ scenario, seed }: { scenario: Scenario; seed: number }) {
    return <p>{background.useTraceReady(scenario, seed) ? 'ready' : 'waiting'}</p>;
  }
  return { Probe, traceFor: cache.traceFor };
}

const SCENARIO = getScenario('cache-aside-read')!;

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.posted = [];
  FakeWorker.replies = [];
  FakeWorker.fail = false;
});

describe('useTraceReady', () => {
  it('waits for the worker, which runs the scenario once, and the player then reads its run', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { Probe, traceFor } = await freshModules();
    render(<Probe scenario={SCENARIO} seed={DEFAULT_SEED} />);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(FakeWorker.posted.map(({ scenario, seed }) => [scenario.id, seed])).toEqual([
      [SCENARIO.id, DEFAULT_SEED],
    ]);
    // The run the worker sent is the one shown: nothing is computed again on the page.
    expect(traceFor(SCENARIO, DEFAULT_SEED)).toBe(FakeWorker.replies[0]);
  });

  it('asks once when two parts of the page wait for the same run', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { Probe } = await freshModules();
    render(
      <>
        <Probe scenario={SCENARIO} seed={DEFAULT_SEED} />
        <Probe scenario={SCENARIO} seed={DEFAULT_SEED} />
      </>,
    );
    expect(await screen.findAllByText('ready')).toHaveLength(2);
    expect(FakeWorker.posted).toHaveLength(1);
  });

  it('stops waiting when the worker fails, and the page computes the run itself', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.fail = true;
    const { Probe, traceFor } = await freshModules();
    render(<Probe scenario={SCENARIO} seed={DEFAULT_SEED} />);
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(traceFor(SCENARIO, DEFAULT_SEED)).toEqual(runScenario(SCENARIO, runOptions(DEFAULT_SEED)));
    // From then on nothing waits.
    render(<Probe scenario={getScenario('cache-aside-write')!} seed={DEFAULT_SEED} />);
    await act(async () => {});
    expect(screen.getAllByText('ready')).toHaveLength(2);
  });

  it('does not wait for a scenario that cannot be sent to the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { Probe } = await freshModules();
    const original = FakeWorker.prototype.postMessage;
    FakeWorker.prototype.postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    try {
      render(<Probe scenario={SCENARIO} seed={DEFAULT_SEED} />);
      expect(await screen.findByText('ready')).toBeInTheDocument();
    } finally {
      FakeWorker.prototype.postMessage = original;
    }
  });

  it('does not wait where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const { Probe } = await freshModules();
    render(<Probe scenario={SCENARIO} seed={DEFAULT_SEED} />);
    expect(screen.getByText('ready')).toBeInTheDocument();
  });
});
