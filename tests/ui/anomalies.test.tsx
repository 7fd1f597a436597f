import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/engine/index.ts';
import { describeAnomaly } from '../../src/content/narration/anomalies.ts';
import { StepPlayer } from '../../src/ui/player/StepPlayer.tsx';
import { anomalyTrace, divergence, lostWrite, manyActors, staleRead } from './traceFixture.ts';

const code = { title: 'cache.ts', source: 'const x = 1;\n' };
const labelOf = (id: string) => manyActors.find((actor) => actor.id === id)?.label ?? id;

function Player({ trace, initialStep = 0 }: { trace: Trace; initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  return (
    <StepPlayer
      trace={trace}
      step={step}
      onStepChange={setStep}
      seed={1}
      onSeedChange={() => undefined}
      code={code}
    />
  );
}

function expectStep(step: number) {
  expect(screen.getByText(/^Step \d+ of \d+$/)).toHaveTextContent(`Step ${step} of 6`);
}

const narration = () => screen.getByRole('status', { name: 'Narration' });
const checker = () => screen.getByRole('region', { name: 'Consistency checker' });

describe('anomalies on the scrubber', () => {
  it('marks each step with anomalies by a named button that jumps there', async () => {
    const user = userEvent.setup();
    render(<Player trace={anomalyTrace} />);
    const marks = screen.getByRole('list', { name: 'Anomalies in this run' });
    const buttons = within(marks).getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Stale read at step 3',
      'Lost write and divergence at step 4',
    ]);
    await user.click(screen.getByRole('button', { name: 'Stale read at step 3' }));
    expectStep(3);
    expect(screen.getByRole('button', { name: 'Stale read at step 3' })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('reaches the markers with the keyboard and jumps with Enter', async () => {
    const user = userEvent.setup();
    render(<Player trace={anomalyTrace} />);
    screen.getByRole('slider', { name: 'Step' }).focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Stale read at step 3' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expectStep(4);
  });

  it('shows no marker list when the run has no anomalies', () => {
    render(<Player trace={{ ...anomalyTrace, anomalies: [] }} />);
    expect(screen.queryByRole('list', { name: 'Anomalies in this run' })).toBeNull();
  });
});

describe('anomalies in the narration', () => {
  it('tells each anomaly below the sentence at its step, and not before', async () => {
    const user = userEvent.setup();
    render(<Player trace={anomalyTrace} initialStep={2} />);
    expect(narration()).toHaveTextContent('Time passes.');
    expect(within(narration()).queryByText(/consistency checker found/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(narration()).toHaveTextContent('The consistency checker found an anomaly at this step');
    expect(narration()).toHaveTextContent(
      'Stale read: Reader got user:42:email at version 1, but version 2 was committed before the read began.',
    );
    expect(narration()).toHaveTextContent('Involves requests #2 and #3.');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(narration()).toHaveTextContent('found 2 anomalies at this step');
    expect(narration()).toHaveTextContent(describeAnomaly(lostWrite, labelOf));
    expect(narration()).toHaveTextContent(describeAnomaly(divergence, labelOf));
    expect(narration()).not.toHaveTextContent('Stale read');
  });
});

describe('the consistency checker panel', () => {
  it('says so when nothing has been found yet', () => {
    render(<Player trace={anomalyTrace} initialStep={2} />);
    expect(within(checker()).getByText('No anomalies so far.')).toBeInTheDocument();
  });

  it('lists what was found up to this step, with a way to jump to each', async () => {
    const user = userEvent.setup();
    render(<Player trace={anomalyTrace} initialStep={6} />);
    const items = within(checker()).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(describeAnomaly(staleRead, labelOf));
    await user.click(
      within(checker()).getByRole('button', { name: 'Go to step 3: stale read of user:42:email' }),
    );
    expectStep(3);
    expect(within(checker()).getAllByRole('listitem')).toHaveLength(1);
    expect(within(checker()).getByText('Found at this step.')).toBeInTheDocument();
  });
});

describe('the data tables', () => {
  it('shows each node\u2019s local cache, marking stale rows', () => {
    render(<Player trace={anomalyTrace} initialStep={2} />);
    const nodeB = screen.getByRole('region', { name: 'Local cache on Node B' });
    const row = within(nodeB).getByRole('row', { name: /user:42:email/ });
    expect(within(row).getByText('stale')).toBeInTheDocument();
    expect(within(row).getByText('v1')).toBeInTheDocument();
    const nodeA = screen.getByRole('region', { name: 'Local cache on Node A' });
    expect(within(nodeA).queryByText('stale')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Local cache on Node C' })).toBeNull();
    const cache = screen.getByRole('region', { name: 'Cache' });
    expect(within(cache).getByText('stale')).toBeInTheDocument();
  });

  it('shows no local cache tables when the scenario has none', () => {
    const frames = anomalyTrace.frames.map((frame) => ({ ...frame, localCaches: {} }));
    render(<Player trace={{ ...anomalyTrace, frames }} initialStep={2} />);
    expect(screen.queryByRole('region', { name: /^Local cache on/ })).toBeNull();
  });

  it('shows no local cache for a node that has none, even while it is down', () => {
    // Node B goes down at step 4; a node that keeps no local cache still reports an empty one then.
    const frames = anomalyTrace.frames.map((frame) => ({
      ...frame,
      localCaches: frame.index >= 4 ? { nodeB: [] } : {},
    }));
    render(<Player trace={{ ...anomalyTrace, frames }} initialStep={5} />);
    expect(screen.queryByRole('region', { name: /^Local cache on/ })).toBeNull();
  });

  it('shows the outbox table once the run has one, even before it has rows', async () => {
    const user = userEvent.setup();
    render(<Player trace={anomalyTrace} />);
    const outbox = screen.getByRole('region', { name: 'Outbox table' });
    expect(within(outbox).getByText('Empty: no events waiting.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stale read at step 3' }));
    const row = within(screen.getByRole('region', { name: 'Outbox table' })).getByRole('row', {
      name: /ev-1/,
    });
    expect(row).toHaveTextContent('user:42:email');
    expect(row).toHaveTextContent('v2');
    expect(row).toHaveTextContent('not yet');
  });

  it('has no outbox table in a run without one', () => {
    const frames = anomalyTrace.frames.map((frame) => ({ ...frame, outbox: [] }));
    render(<Player trace={{ ...anomalyTrace, frames }} />);
    expect(screen.queryByRole('region', { name: 'Outbox table' })).toBeNull();
  });
});

describe('the diagram', () => {
  it('shows a crashed node as down, and a partitioned one as cut off', () => {
    render(<Player trace={anomalyTrace} initialStep={5} />);
    const diagram = screen.getByRole('img', { name: 'Diagram of the system at step 5.' });
    expect(diagram).toHaveAccessibleDescription(/Node B: down\./);
    expect(diagram).toHaveAccessibleDescription(/Cut off from the rest by a partition: Node C\./);
    expect(diagram).toHaveAccessibleDescription(/Broker: idle; holds queue: ev-1\./);
    // What a sighted person reads in the boxes: Node B's state line says "down".
    expect(within(diagram).getByText('down')).toBeInTheDocument();
    expect(within(diagram).getByText('idle \u00b7 partitioned')).toBeInTheDocument();
    expect(within(diagram).getByText('session s1 \u2192 alice')).toBeInTheDocument();
  });
});
