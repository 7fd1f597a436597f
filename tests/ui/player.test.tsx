import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getScenario } from '../../src/content/index.ts';
import { usePlayerSettings } from '../../src/state/playerSettings.ts';
import { useQuestionSettings } from '../../src/state/questionSettings.ts';
import { REDUCED_MOTION, emulateMedia } from './media.ts';
import { renderApp } from './renderApp.tsx';
import {
  LESSON_PATH,
  READ,
  WRITE,
  firstCodeStep,
  firstStepWhere,
  lastStepOf,
  narrationAt,
  runOf,
} from './lessonFixture.ts';

const read = runOf(READ);
const last = lastStepOf(read);

function stepCounter() {
  return screen.getByText(/^Step \d+ of \d+$/);
}

function narration() {
  return screen.getByRole('status', { name: 'Narration' });
}

async function openLesson(query = '') {
  const app = renderApp(`${LESSON_PATH}${query}`);
  await screen.findByRole('heading', { level: 1 });
  await screen.findByRole('slider', { name: 'Speed' });
  return app;
}

/** The speed as a person sees it next to the slider, and as the slider announces it. */
function expectSpeed(label: string) {
  expect(screen.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', label);
  expect(screen.getByText(label, { selector: 'output' })).toBeVisible();
}

function expectStep(step: number) {
  expect(stepCounter()).toHaveTextContent(`Step ${step} of ${last}`);
  expect(narration()).toHaveTextContent(narrationAt(read, step));
}

/**
 * Fake timers, started once the page is up (the lazy lesson route loads on real time). They also
 * follow real time, because Testing Library waits on a timer of its own between actions.
 */
function useFakeClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

/** Lets `ms` of playing time pass, one tick at a time so each step renders before the next. */
async function waitTicks(count: number, tickMs: number) {
  for (let i = 0; i < count; i++) await act(() => vi.advanceTimersByTimeAsync(tickMs));
}

// The player's own controls, without the lesson's questions stopping it on the way (questions.test.tsx).
beforeEach(() => {
  useQuestionSettings.setState({ enabled: false });
});

afterEach(() => {
  usePlayerSettings.setState({ speedLog2: 0 });
  useQuestionSettings.setState({ enabled: true });
  vi.useRealTimers();
});

describe('the step player controls', () => {
  it('starts at step 0 with the opening narration', async () => {
    await openLesson();
    expectStep(0);
    expect(narration()).toHaveAttribute('aria-live', 'polite');
  });

  it('steps forward and back', async () => {
    const user = userEvent.setup();
    await openLesson();
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expectStep(1);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expectStep(2);
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expectStep(1);
  });

  it('jumps to the end and restarts', async () => {
    const user = userEvent.setup();
    await openLesson();
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    expectStep(last);
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    expectStep(0);
  });

  it('does nothing (and keeps focus) when stepping past either end', async () => {
    const user = userEvent.setup();
    await openLesson();
    const back = screen.getByRole('button', { name: 'Step back' });
    expect(back).toHaveAttribute('aria-disabled', 'true');
    await user.click(back);
    expectStep(0);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    const forward = screen.getByRole('button', { name: 'Step forward' });
    await user.click(forward);
    expect(forward).toHaveFocus();
    expectStep(last);
  });

  it('writes each step into the address without adding history entries', async () => {
    const user = userEvent.setup();
    const app = await openLesson();
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(app.currentParams().toString()).toBe(`scenario=${READ}&seed=1&step=2`);
    expect(app.router.state.historyAction).toBe('REPLACE');
  });

  it('plays one step per tick and stops at the end', async () => {
    await openLesson();
    const user = useFakeClock();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expectStep(1);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await waitTicks(1, 1400);
    expectStep(2);
    await waitTicks(last + 3, 1400);
    expectStep(last);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('pauses, and plays again from the start once at the end', async () => {
    await openLesson();
    const user = useFakeClock();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitTicks(5, 1400);
    expectStep(1);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expectStep(0);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('plays faster at a higher speed', async () => {
    await openLesson();
    const user = useFakeClock();
    fireEvent.change(screen.getByRole('slider', { name: 'Speed' }), { target: { value: '2' } });
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await waitTicks(2, 350);
    expectStep(3);
  });

  it('scrubs to any step with the slider, which marks every step', async () => {
    const { container } = await openLesson();
    const slider = screen.getByRole('slider', { name: 'Step' });
    expect(slider).toHaveAttribute('max', String(last));
    expect(slider).toHaveAttribute('aria-valuetext', `Step 0 of ${last}`);
    fireEvent.change(slider, { target: { value: '5' } });
    expectStep(5);
    expect(slider).toHaveAttribute('aria-valuetext', `Step 5 of ${last}`);
    // One tick mark per step under the track (drawn, so only countable in the DOM).
    expect(container.querySelectorAll('.scrub-tick')).toHaveLength(last + 1);
  });

  it('labels the speed from 0.25\u00d7 to 4\u00d7', async () => {
    await openLesson();
    const speed = screen.getByRole('slider', { name: 'Speed' });
    expectSpeed('1\u00d7');
    fireEvent.change(speed, { target: { value: '-2' } });
    expectSpeed('0.25\u00d7');
    fireEvent.change(speed, { target: { value: '0.5' } });
    expectSpeed('1.4\u00d7');
    fireEvent.change(speed, { target: { value: '2' } });
    expectSpeed('4\u00d7');
  });
});

describe('the step player keyboard', () => {
  async function focusDiagram() {
    const figure = screen.getByRole('figure', { name: 'System diagram' });
    act(() => figure.focus());
    return figure;
  }

  it('steps with \u2190 and \u2192, jumps with Home and End', async () => {
    const user = userEvent.setup();
    await openLesson();
    await focusDiagram();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expectStep(3);
    await user.keyboard('{ArrowLeft}');
    expectStep(2);
    await user.keyboard('{End}');
    expectStep(last);
    await user.keyboard('{Home}');
    expectStep(0);
  });

  it('plays and pauses with Space', async () => {
    await openLesson();
    const user = useFakeClock();
    await focusDiagram();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expectStep(1);
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    await waitTicks(5, 1400);
    expectStep(1);
  });

  it('changes speed with \u2212 and +', async () => {
    const user = userEvent.setup();
    await openLesson();
    await focusDiagram();
    await user.keyboard('+');
    expectSpeed('1.4\u00d7');
    await user.keyboard('++++++');
    expectSpeed('4\u00d7');
    await user.keyboard('-');
    expectSpeed('2.8\u00d7');
  });

  it('lets Space on a focused button press that button once, and nothing else', async () => {
    const user = userEvent.setup();
    await openLesson();
    act(() => screen.getByRole('button', { name: 'Step forward' }).focus());
    await user.keyboard(' ');
    expectStep(1);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('leaves keys alone while typing a seed', async () => {
    const user = userEvent.setup();
    await openLesson();
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.click(seed);
    await user.keyboard('{ArrowRight}{End} +');
    expectStep(0);
    expect(seed).toHaveValue('1 +');
  });
});

describe('the step player panels', () => {
  it('highlights the code line that runs at each step', async () => {
    await openLesson();
    expect(read.frames[0]?.code).toBeNull();
    expect(screen.getByText('No lesson code runs at this step.')).toBeInTheDocument();
    const { step, line } = firstCodeStep(read);
    fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(step) } });
    expect(screen.getByText(`Line ${line} runs at this step.`)).toBeInTheDocument();
    const player = screen.getByRole('region', { name: 'Step player' });
    const code = within(player).getByRole('region', { name: /^Code: / });
    const highlighted = code.querySelector('mark');
    expect(highlighted).toHaveTextContent(`step: ${read.frames[step]?.code?.marker ?? ''}`);
    expect(code.querySelectorAll('mark')).toHaveLength(1);
  });

  it('shows the cache filling, marked as new, and counts the miss', async () => {
    await openLesson();
    const filled = firstStepWhere(read, (step) => (read.frames[step]?.cache.length ?? 0) > 0);
    const key = read.frames[filled]?.cache[0]?.key ?? '';
    fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(filled) } });
    const cache = screen.getByRole('region', { name: 'Cache' });
    const row = within(cache).getByRole('row', { name: new RegExp(key) });
    expect(within(row).getByText('new')).toBeInTheDocument();
    const counters = screen.getByRole('region', { name: 'Counters' });
    const misses = within(counters).getByText('Misses').nextElementSibling;
    expect(misses).toHaveTextContent(String(read.frames[filled]?.counters.misses));
  });

  it('marks a stale cache entry when the write happens in the wrong order', async () => {
    const wrong = runOf('cache-aside-wrong-order');
    const staleInCache = (step: number) => wrong.frames[step]?.stale.find((entry) => entry.where === 'cache');
    const stale = firstStepWhere(wrong, (step) => staleInCache(step) !== undefined);
    await openLesson(`?scenario=cache-aside-wrong-order&step=${stale}`);
    const key = staleInCache(stale)?.key ?? '';
    const row = within(screen.getByRole('region', { name: 'Cache' })).getByRole('row', {
      name: new RegExp(key),
    });
    expect(within(row).getByText('stale')).toBeInTheDocument();
  });

  it('lists what the consistency checker found in the wrong order, by the end', async () => {
    const wrong = runOf('cache-aside-wrong-order');
    await openLesson(`?scenario=cache-aside-wrong-order&step=${lastStepOf(wrong)}`);
    const checker = screen.getByRole('region', { name: 'Consistency checker' });
    expect(within(checker).getAllByRole('listitem')).toHaveLength(wrong.anomalies.length);
    expect(wrong.anomalies.length).toBeGreaterThan(0);
  });

  it('reports no anomalies when there are none', async () => {
    await openLesson();
    expect(screen.getByText('No anomalies so far.')).toBeInTheDocument();
  });

  it('marks changed cells in words, and still steps, when motion is reduced', async () => {
    emulateMedia(REDUCED_MOTION);
    const user = userEvent.setup();
    await openLesson();
    const filled = firstStepWhere(read, (step) => (read.frames[step]?.cache.length ?? 0) > 0);
    fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(filled - 1) } });
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expectStep(filled);
    expect(within(screen.getByRole('region', { name: 'Cache' })).getByText('new')).toBeInTheDocument();
  });
});

describe('scenarios and seeds', () => {
  it('switches scenario from the tabs and starts it from step 0', async () => {
    const user = userEvent.setup();
    const app = await openLesson('?step=3');
    const write = getScenario(WRITE);
    const tab = screen.getByRole('tab', { name: write?.title ?? '' });
    await user.click(tab);
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(write?.summary ?? '')).toBeInTheDocument();
    const writeRun = runOf(WRITE);
    expect(stepCounter()).toHaveTextContent(`Step 0 of ${lastStepOf(writeRun)}`);
    expect(app.currentParams().get('scenario')).toBe(WRITE);
  });

  it('moves between scenario tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    await openLesson();
    const tabs = screen.getAllByRole('tab');
    act(() => tabs[0]?.focus());
    await user.keyboard('{ArrowRight}');
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expectStep(0);
  });

  it('runs another seed from the seed field', async () => {
    const user = userEvent.setup();
    const app = await openLesson('?step=4');
    const field = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(field);
    await user.type(field, '12345{Enter}');
    expect(app.currentParams().get('seed')).toBe('12345');
    const run = runOf(READ, 12345);
    expect(stepCounter()).toHaveTextContent(`Step 0 of ${lastStepOf(run)}`);
    expect(narration()).toHaveTextContent(narrationAt(run, 0));
  });

  it('explains a seed it cannot use and keeps the current run', async () => {
    const user = userEvent.setup();
    const app = await openLesson();
    const field = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(field);
    await user.type(field, 'banana');
    await user.click(screen.getByRole('button', { name: 'Use seed' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This seed is not a whole number from 0 to 4294967295.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(app.currentParams().get('seed')).toBeNull();
  });

  it('picks a new seed with one button', async () => {
    const user = userEvent.setup();
    const app = await openLesson();
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    const seed = app.currentParams().get('seed');
    expect(seed).toMatch(/^\d+$/);
    expect(seed).not.toBe('1');
    expect(screen.getByRole('textbox', { name: 'Seed' })).toHaveValue(seed);
  });
});
