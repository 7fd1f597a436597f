import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { cacheAsideRead } from '../../src/content/scenarios/cache-aside-read.ts';
import { cacheAsideWrongOrder } from '../../src/content/scenarios/cache-aside-wrong-order.ts';
import { SequenceView } from '../../src/ui/player/SequenceView.tsx';
import { layoutSequence } from '../../src/ui/player/sequenceLayout.ts';

const wrongOrder = runScenario(cacheAsideWrongOrder, { seed: 1, record: 'frames' });

describe('layoutSequence', () => {
  it('draws a lane per actor and an arrow per message, from the frame that sent it to the one that delivered it', () => {
    const layout = layoutSequence(wrongOrder);
    expect(layout.lanes.map((l) => l.label)).toEqual([
      'Writer',
      'Reader',
      'App server',
      'Redis cache',
      'Database',
    ]);
    // The writer's DEL: sent at step 2 by the app, delivered at step 3 by the cache.
    expect(layout.arrows.find((a) => a.label === 'DEL user:42:email')).toMatchObject({
      from: 'app',
      to: 'cache',
      sentAt: 2,
      endedAt: 3,
      lost: false,
    });
    const sent = new Set(wrongOrder.frames.flatMap((f) => f.inFlight.map((m) => m.id)));
    expect(layout.arrows).toHaveLength(sent.size);
    expect(layout.anomalies).toEqual([
      { step: 18, kinds: ['divergence'] },
      { step: 23, kinds: ['stale read'] },
    ]);
  });

  it('ends a message that was lost at the frame where it was lost', () => {
    const crashed = runScenario(
      { ...cacheAsideRead, faults: [{ atMs: 10, fault: { kind: 'crash', node: 'app' } }] },
      { seed: 1, record: 'frames' },
    );
    const request = layoutSequence(crashed).arrows.find((a) => a.label === 'read user:42:email');
    expect(request).toMatchObject({ from: 'browser', to: 'app', lost: true, endedAt: 3 });
  });
});

describe('SequenceView', () => {
  it('says how much of the run has happened at the cursor', () => {
    render(<SequenceView trace={wrongOrder} step={18} />);
    const total = layoutSequence(wrongOrder).arrows.length;
    const sentBy18 = layoutSequence(wrongOrder).arrows.filter((a) => a.sentAt <= 18).length;
    expect(
      screen.getByRole('img', {
        name: `Sequence diagram at step 18: ${sentBy18} of ${total} messages sent, anomalies at 1 step so far.`,
      }),
    ).toBeInTheDocument();
  });
});
