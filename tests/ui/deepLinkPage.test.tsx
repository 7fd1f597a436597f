import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/content/index.ts';
import { renderApp } from './renderApp.tsx';
import { LESSON_PATH, READ, WRITE, lastStepOf, narrationAt, runOf } from './lessonFixture.ts';

const read = runOf(READ);

async function open(query: string) {
  const app = renderApp(`${LESSON_PATH}?${query}`);
  await screen.findByRole('heading', { level: 1 });
  // The Visual loads after the lesson's text.
  await screen.findByRole('region', { name: 'Step player' });
  return app;
}

function problems() {
  return screen.getByRole('region', { name: /link could not be used/ });
}

function expectFrame(trace: ReturnType<typeof runOf>, step: number) {
  expect(screen.getByText(/^Step \d+ of \d+$/)).toHaveTextContent(`Step ${step} of ${lastStepOf(trace)}`);
  expect(screen.getByRole('status', { name: 'Narration' })).toHaveTextContent(narrationAt(trace, step));
}

describe('opening a deep link', () => {
  it('lands on exactly the frame it names', async () => {
    await open(`scenario=${WRITE}&seed=7&step=3`);
    const write = runOf(WRITE, 7);
    expect(screen.getByRole('tab', { name: getScenario(WRITE)?.title ?? '' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('textbox', { name: 'Seed' })).toHaveValue('7');
    expectFrame(write, 3);
    expect(screen.queryByRole('region', { name: /link could not be used/ })).not.toBeInTheDocument();
  });

  it('lands on the last frame', async () => {
    const last = lastStepOf(read);
    await open(`scenario=${READ}&seed=1&step=${last}`);
    expectFrame(read, last);
  });

  it('names an unknown scenario and shows the first one instead', async () => {
    await open('scenario=cache-aside-typo&step=2');
    expect(within(problems()).getByText('scenario')).toBeInTheDocument();
    expect(problems()).toHaveTextContent('\u201ccache-aside-typo\u201d');
    expect(screen.getByRole('tab', { name: getScenario(READ)?.title ?? '' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The step was fine, so it is kept.
    expectFrame(read, 2);
  });

  it.each(['abc', '-3', '1.5', '4294967296', ''])('names the bad seed %j and uses seed 1', async (seed) => {
    await open(`seed=${encodeURIComponent(seed)}&step=1`);
    expect(within(problems()).getByText('seed')).toBeInTheDocument();
    expect(problems()).toHaveTextContent('Using seed 1 instead');
    expect(screen.getByRole('textbox', { name: 'Seed' })).toHaveValue('1');
    expectFrame(read, 1);
  });

  it.each(['abc', '-1', '2.5', '', '1e2'])('names the bad step %j and shows step 0', async (step) => {
    await open(`step=${encodeURIComponent(step)}`);
    expect(within(problems()).getByText('step')).toBeInTheDocument();
    expect(problems()).toHaveTextContent('Showing step 0 instead');
    expectFrame(read, 0);
  });

  it('names a step past the end, with the range this run has', async () => {
    const last = lastStepOf(read);
    await open(`step=${last + 1}`);
    expect(problems()).toHaveTextContent(
      `The link asks for step ${last + 1}, but this run has steps 0 to ${last}.`,
    );
    expectFrame(read, 0);
  });

  it('lists every bad parameter at once', async () => {
    await open('scenario=nope&seed=x&step=y');
    const names = within(problems())
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(names).toEqual(['scenario', 'seed', 'step']);
    expectFrame(read, 0);
  });

  it('rewrites the address to the frame shown, and keeps the message until dismissed', async () => {
    const user = userEvent.setup();
    const app = await open('step=banana');
    await waitFor(() => expect(app.currentParams().toString()).toBe(`scenario=${READ}&seed=1&step=0`));
    expect(problems()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(problems()).toBeInTheDocument();
    await user.click(within(problems()).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: /link could not be used/ })).not.toBeInTheDocument();
    expectFrame(read, 1);
  });
});
