import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../src/engine/index.ts';
import { anomalyTitles } from '../../src/content/narration/anomalies.ts';
import { usePlayerSettings } from '../../src/state/playerSettings.ts';
import { formatSimTime } from '../../src/ui/player/format.ts';
import { STEP_LOG_WINDOW } from '../../src/ui/player/StepLog.tsx';
import { StepPlayer } from '../../src/ui/player/StepPlayer.tsx';
import { READ, WRONG_ORDER, lastStepOf, narrationAt, runOf } from './lessonFixture.ts';

const read = runOf(READ);
const last = lastStepOf(read);

/** The player with its step kept in state, as the lesson page keeps it in the address. */
function Harness({ trace = read, initialStep = 0 }: { trace?: Trace; initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  return (
    <StepPlayer trace={trace} step={step} onStepChange={setStep} seed={1} onSeedChange={() => undefined} />
  );
}

const toggle = () => screen.getByRole('button', { name: 'Step log' });
const log = () => screen.getByRole('list', { name: 'Steps so far' });
const entries = () => within(log()).getAllByRole('button');
const narration = () => screen.getByRole('status', { name: 'Narration' });

function expectStep(step: number) {
  expect(screen.getByText(/^Step \d+ of \d+$/)).toHaveTextContent(`Step ${step} of ${last}`);
}

afterEach(() => {
  usePlayerSettings.setState({ speedLog2: 0 });
  vi.useRealTimers();
});

describe('the step log', () => {
  it('is closed until asked for, and builds nothing before', () => {
    render(<Harness initialStep={3} />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Steps so far' })).toBeNull();
  });

  it('lists every step from 0 to the shown one, with its time and narration, the shown one marked', async () => {
    const user = userEvent.setup();
    render(<Harness initialStep={4} />);
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(toggle()).toHaveAttribute('aria-controls', log().parentElement?.id);
    const items = entries();
    expect(items).toHaveLength(5);
    items.forEach((item, step) => {
      const time = formatSimTime(read.frames[step]?.time ?? -1);
      expect(item).toHaveAccessibleName(`Step ${step}, at ${time}: ${narrationAt(read, step)}`);
    });
    expect(items[4]).toHaveAttribute('aria-current', 'step');
    expect(items[4]).toHaveTextContent('shown now');
    expect(items.filter((item) => item.hasAttribute('aria-current'))).toHaveLength(1);
    await user.click(toggle());
    expect(screen.queryByRole('list', { name: 'Steps so far' })).toBeNull();
  });

  it('grows as the player steps on', async () => {
    const user = userEvent.setup();
    render(<Harness initialStep={1} />);
    await user.click(toggle());
    expect(entries()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expectStep(2);
    expect(entries()).toHaveLength(3);
    expect(entries()[2]).toHaveAttribute('aria-current', 'step');
    expect(entries()[1]).not.toHaveAttribute('aria-current');
  });

  it('moves the player to a step when an entry is activated, keeping focus on it', async () => {
    const user = userEvent.setup();
    render(<Harness initialStep={5} />);
    await user.click(toggle());
    const second = entries()[2];
    act(() => second?.focus());
    await user.keyboard('{Enter}');
    expectStep(2);
    expect(narration()).toHaveTextContent(narrationAt(read, 2));
    expect(entries()).toHaveLength(3);
    expect(entries()[2]).toHaveAttribute('aria-current', 'step');
    expect(entries()[2]).toHaveFocus();
    await user.click(entries()[0] as HTMLElement);
    expectStep(0);
    expect(entries()).toHaveLength(1);
  });

  it('names what the consistency checker found at a step, in words', async () => {
    const user = userEvent.setup();
    const wrong = runOf(WRONG_ORDER);
    const anomaly = wrong.anomalies[0];
    if (anomaly === undefined) throw new Error('the wrong order finds no anomaly');
    render(<Harness trace={wrong} initialStep={anomaly.step} />);
    await user.click(toggle());
    const entry = entries()[anomaly.step];
    const title = anomalyTitles[anomaly.kind];
    expect(entry).toHaveAccessibleName(expect.stringContaining(`Found: ${title}.`) as string);
    expect(entry).toHaveTextContent(title);
    expect(entries()[0]).not.toHaveTextContent(title);
  });

  it('shows the latest steps of a long run, and the earlier ones on request', async () => {
    const user = userEvent.setup();
    const frames = Array.from({ length: STEP_LOG_WINDOW + 60 }, (_, index) => ({
      ...(read.frames[index % read.frames.length] ?? read.frames[0]!),
      index,
    }));
    const long: Trace = { ...read, frames };
    const step = STEP_LOG_WINDOW + 40;
    render(<Harness trace={long} initialStep={step} />);
    await user.click(toggle());
    expect(entries()).toHaveLength(STEP_LOG_WINDOW);
    expect(entries()[0]).toHaveAccessibleName(new RegExp(`^Step 41, at `));
    await user.click(screen.getByRole('button', { name: 'Show the 41 earlier steps' }));
    expect(entries()).toHaveLength(step + 1);
    expect(entries()[0]).toHaveAccessibleName(/^Step 0, at /);
  });
});

describe('announcing steps', () => {
  it('announces a step taken by hand once, politely, with its number and narration', async () => {
    const user = userEvent.setup();
    const { container } = render(<Harness />);
    // One live region in the player, so nothing is said twice.
    expect(container.querySelectorAll('[aria-live="polite"], [role="status"], [role="alert"]')).toHaveLength(
      1,
    );
    expect(narration()).toHaveAttribute('aria-live', 'polite');
    expect(narration()).toHaveAttribute('aria-atomic', 'true');
    const before = narration().firstElementChild;
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(narration()).toHaveTextContent(`Step 1 of ${last}: ${narrationAt(read, 1)}`);
    // New content, not an edit of the old: read out whole, as one announcement.
    expect(narration().firstElementChild).not.toBe(before);
  });

  it('stays quiet while playing, and announces the step where playback stops', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    usePlayerSettings.setState({ speedLog2: 2 });
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(narration()).toHaveAttribute('aria-live', 'off');
    await act(() => vi.advanceTimersByTimeAsync(350));
    await act(() => vi.advanceTimersByTimeAsync(350));
    expectStep(3);
    // Still shown to the eye at every step.
    expect(narration()).toHaveTextContent(narrationAt(read, 3));
    expect(narration()).toHaveAttribute('aria-live', 'off');
    const whilePlaying = narration().firstElementChild;
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(narration()).toHaveAttribute('aria-live', 'polite');
    expect(narration()).toHaveTextContent(`Step 3 of ${last}: ${narrationAt(read, 3)}`);
    expect(narration().firstElementChild).not.toBe(whilePlaying);
  });
});
