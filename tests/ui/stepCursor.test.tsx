import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/engine/index.ts';
import { StepPlayer } from '../../src/ui/player/StepPlayer.tsx';
import { READ, cacheAsideLesson, lastStepOf, runOf } from './lessonFixture.ts';

const read = runOf(READ);

/**
 * The lesson page keeps the step in the URL, and the router applies a new URL a moment later.
 * This harness does the same with a short delay, so key presses can outrun the screen.
 */
function SlowAddressBar({ trace, initialStep = 0 }: { trace: Trace; initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  return (
    <StepPlayer
      trace={trace}
      step={step}
      onStepChange={(next) => window.setTimeout(() => setStep(next), 30)}
      seed={1}
      onSeedChange={() => undefined}
      code={cacheAsideLesson().code}
    />
  );
}

function expectStep(step: number) {
  expect(screen.getByText(/^Step \d+ of \d+$/)).toHaveTextContent(`Step ${step} of ${lastStepOf(read)}`);
}

describe('a burst of key presses', () => {
  it('counts every press, even before the screen catches up', async () => {
    render(<SlowAddressBar trace={read} />);
    const figure = screen.getByRole('figure', { name: 'System diagram' });
    act(() => figure.focus());
    fireEvent.keyDown(figure, { key: 'ArrowRight' });
    fireEvent.keyDown(figure, { key: 'ArrowRight' });
    fireEvent.keyDown(figure, { key: 'ArrowRight' });
    expectStep(0);
    await waitFor(() => expectStep(3));
    fireEvent.keyDown(figure, { key: 'ArrowLeft' });
    fireEvent.keyDown(figure, { key: 'ArrowLeft' });
    await waitFor(() => expectStep(1));
  });

  it('stops at the ends however many presses come in', async () => {
    render(<SlowAddressBar trace={read} initialStep={lastStepOf(read) - 1} />);
    const figure = screen.getByRole('figure', { name: 'System diagram' });
    for (let i = 0; i < 5; i++) fireEvent.keyDown(figure, { key: 'ArrowRight' });
    await waitFor(() => expectStep(lastStepOf(read)));
    for (let i = 0; i < 50; i++) fireEvent.keyDown(figure, { key: 'ArrowLeft' });
    await waitFor(() => expectStep(0));
  });
});
