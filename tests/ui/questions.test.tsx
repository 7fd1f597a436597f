import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../src/engine/index.ts';
import type { Lesson } from '../../src/content/index.ts';
import { useProgress } from '../../src/state/progress.ts';
import { QUESTION_SETTINGS_KEY, useQuestionSettings } from '../../src/state/questionSettings.ts';
import { LessonVisual } from '../../src/ui/lesson/LessonVisual.tsx';
import { READ, WRITE, cacheAsideLesson, lastStepOf, narrationAt, runOf } from './lessonFixture.ts';

// The predict-then-reveal questions in a lesson's Visual, on a lesson whose questions are set here
// (found in the real runs by what their steps say), so the lessons' own questions can change freely.

const read = runOf(READ);
const write = runOf(WRITE);
const last = lastStepOf(read);

function stepSaying(trace: Trace, key: string): number {
  const step = trace.frames.findIndex((f) => f.narration.key === key);
  if (step < 1) throw new Error(`no step saying ${key}`);
  return step;
}

/** Redis answers the second read's GET from the cache: asked one step before. */
const HIT = stepSaying(read, 'cache.get.hit');
const WHY = 'The first read filled the cache with `user:42:email` half a second ago, and nothing deleted it.';
const lesson: Lesson = {
  ...cacheAsideLesson(),
  id: 'question-lesson',
  questions: [
    { scenario: READ, step: HIT, narration: 'cache.get.hit', kind: 'cache-lookup', why: WHY },
    {
      scenario: WRITE,
      step: stepSaying(write, 'db.update.commit'),
      narration: 'db.update.commit',
      kind: 'stale-after',
      why: 'The row is ahead of the copy in Redis until the key is deleted.',
    },
  ],
};
const KEY = `${READ}@${HIT}`;

function openVisual(query: string, visual: Lesson = lesson) {
  const router = createMemoryRouter([{ path: '/', element: <LessonVisual lesson={visual} /> }], {
    initialEntries: [`/?${query}`],
  });
  render(<RouterProvider router={router} />);
  return { router, currentStep: () => Number(router.state.location.search.match(/step=(\d+)/)?.[1]) };
}

const at = (step: number, seed = 1) => `scenario=${READ}&seed=${seed}&step=${step}`;
const stepCounter = () => screen.getByText(/^Step \d+ of \d+$/);
const expectStep = (step: number) => expect(stepCounter()).toHaveTextContent(`Step ${step} of ${last}`);
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const question = () => screen.queryByRole('radiogroup');
const prompt = () => screen.getByRole('heading', { name: 'Redis looks up user:42:email. Is it there?' });
const answers = () => useProgress.getState().lessons[lesson.id]?.answers;

async function askQuestion(user: ReturnType<typeof userEvent.setup>) {
  await user.click(button('Step forward'));
  await screen.findByRole('radiogroup', { name: 'Redis looks up user:42:email. Is it there?' });
}

afterEach(() => {
  useQuestionSettings.setState({ enabled: true });
  useProgress.setState({ lessons: {} });
  vi.useRealTimers();
});

describe('a question on the way', () => {
  it('stops one step before its step, asks, and will not step past it unanswered', async () => {
    const user = userEvent.setup();
    const app = openVisual(at(HIT - 2));
    await user.click(await screen.findByRole('button', { name: 'Step forward' }));
    expectStep(HIT - 1);
    expect(question()).toBeNull();

    await askQuestion(user);
    expectStep(HIT - 1);
    expect(app.currentStep()).toBe(HIT - 1);
    expect(prompt()).toHaveFocus();
    expect(screen.getByText(`Question 1 of 2: what does step ${HIT} show?`)).toBeInTheDocument();
    const choices = within(screen.getByRole('radiogroup')).getAllByRole('radio');
    expect(choices.map((c) => c.closest('label')?.textContent)).toEqual(['Yes: a hit', 'No: a miss']);

    // Forward, Play and → all bring the learner back to the question.
    await user.click(button('Step forward'));
    await user.click(button('Play'));
    fireEvent.keyDown(screen.getByRole('figure', { name: 'System diagram' }), { key: 'ArrowRight' });
    expectStep(HIT - 1);
    expect(button('Play')).toBeInTheDocument();
    expect(prompt()).toHaveFocus();
  });

  it('reveals the step on a right answer, says why, and keeps the score', async () => {
    const user = userEvent.setup();
    const app = openVisual(at(HIT - 1));
    await screen.findByText(/none of 2 questions answered yet/);
    await askQuestion(user);
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick one of the answers first');
    expectStep(HIT - 1);

    await user.click(screen.getByRole('radio', { name: 'Yes: a hit' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const verdict = await screen.findByRole('heading', { name: 'Right. The answer is “Yes: a hit”.' });
    expect(verdict).toHaveFocus();
    expectStep(HIT);
    expect(app.currentStep()).toBe(HIT);
    expect(screen.getByText('(your answer, right)', { exact: false })).toBeInTheDocument();
    const why = screen.getByText('Why:').closest('p');
    expect(why).toHaveTextContent(WHY.replaceAll('`', ''));
    expect(within(why as HTMLElement).getByText('user:42:email', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByText(`Step ${HIT}:`).closest('p')).toHaveTextContent(narrationAt(read, HIT));
    expect(screen.getByText('1 of 1 right the first time')).toBeInTheDocument();
    expect(answers()).toEqual({ [KEY]: true });

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('heading', { name: /^Right\./ })).toBeNull();
    expect(button('Play')).toHaveFocus();
    await user.click(button('Step forward'));
    expectStep(HIT + 1);
  });

  it('marks a wrong answer wrong, shows the right one, and does not ask again on the way back', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await askQuestion(user);
    await user.click(screen.getByRole('radio', { name: 'No: a miss' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const verdict = await screen.findByRole('heading', { name: 'Not quite. The answer is “Yes: a hit”.' });
    expect(verdict).toHaveFocus();
    const outcomes = within(screen.getByRole('list', { name: 'The choices' })).getAllByRole('listitem');
    expect(outcomes.map((item) => item.textContent)).toEqual([
      'Yes: a hit (the right answer)',
      'No: a miss (your answer, wrong)',
    ]);
    expectStep(HIT);
    expect(answers()).toEqual({ [KEY]: false });
    expect(screen.getByText('0 of 1 right the first time')).toBeInTheDocument();

    await user.click(button('Step back'));
    expectStep(HIT - 1);
    expect(screen.queryByRole('heading', { name: /^Not quite/ })).toBeNull();
    await user.click(button('Step forward'));
    expectStep(HIT);
    expect(question()).toBeNull();
  });

  it('keeps only the first answer in the score', async () => {
    useProgress.getState().answerQuestion(lesson.id, KEY, false);
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await askQuestion(user);
    await user.click(screen.getByRole('radio', { name: 'Yes: a hit' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await screen.findByRole('heading', { name: /^Right\./ });
    expect(answers()).toEqual({ [KEY]: false });
    expect(screen.getByText('0 of 1 right the first time')).toBeInTheDocument();
  });

  it('moves on without a score when skipped, and does not ask again', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await askQuestion(user);
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expectStep(HIT);
    expect(question()).toBeNull();
    expect(button('Play')).toHaveFocus();
    expect(answers()).toBeUndefined();
    await user.click(button('Step back'));
    await user.click(button('Step forward'));
    expectStep(HIT);
  });

  it('lets the learner scrub or jump past a question without asking', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await askQuestion(user);
    fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(HIT + 2) } });
    expectStep(HIT + 2);
    expect(question()).toBeNull();
    fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(HIT) } });
    expectStep(HIT);
    expect(question()).toBeNull();
  });

  it('keeps the keys inside the question to the question', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await screen.findByRole('figure', { name: 'System diagram' });
    screen.getByRole('figure', { name: 'System diagram' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(prompt()).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Yes: a hit' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'No: a miss' })).toBeChecked();
    await user.keyboard(' ');
    expectStep(HIT - 1);
    expect(button('Play')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /^Not quite\./ })).toHaveFocus();
    expectStep(HIT);
  });
});

describe('playing into a question', () => {
  it('pauses before it, and Continue plays on', async () => {
    openVisual(at(HIT - 3));
    await screen.findByRole('button', { name: 'Play' });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.click(button('Play'));
    expectStep(HIT - 2);
    for (let i = 0; i < 4; i++) await act(() => vi.advanceTimersByTimeAsync(1400));
    expectStep(HIT - 1);
    expect(question()).not.toBeNull();
    expect(button('Play')).toBeInTheDocument();
    expect(prompt()).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: 'Yes: a hit' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue playing' }));
    expect(button('Pause')).toHaveFocus();
    await act(() => vi.advanceTimersByTimeAsync(1400));
    expectStep(HIT + 1);
  });
});

describe('where questions are not asked', () => {
  it('asks nothing once turned off, and remembers that', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1));
    await askQuestion(user);
    const toggle = screen.getByRole('switch', { name: 'Questions' });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(question()).toBeNull();
    expect(screen.getByText('The player plays through without asking.')).toBeInTheDocument();
    await user.click(button('Step forward'));
    expectStep(HIT);
    expect(question()).toBeNull();
    expect(JSON.parse(localStorage.getItem(QUESTION_SETTINGS_KEY) ?? '{}').state).toEqual({ enabled: false });
  });

  it('asks nothing on another seed, where the steps are not the ones the questions were written for', async () => {
    const user = userEvent.setup();
    openVisual(at(HIT - 1, 2));
    await user.click(await screen.findByRole('button', { name: 'Step forward' }));
    expect(stepCounter()).toHaveTextContent(`Step ${HIT} of`);
    expect(question()).toBeNull();
  });

  it('shows no switch or score in a lesson without questions', async () => {
    openVisual(at(0), { ...lesson, questions: [] });
    await screen.findByRole('button', { name: 'Play' });
    expect(screen.queryByRole('switch', { name: 'Questions' })).toBeNull();
  });
});

describe('playing a scenario to the end', () => {
  const finished = () => useProgress.getState().lessons[lesson.id]?.visualFinished ?? [];

  it('counts when the player jumps to the last step', async () => {
    const user = userEvent.setup();
    openVisual(at(0));
    await user.click(await screen.findByRole('button', { name: 'Jump to end' }));
    expectStep(last);
    expect(finished()).toEqual([READ]);
  });

  it('counts when stepping onto the last step, and not before', async () => {
    const user = userEvent.setup();
    openVisual(at(last - 2));
    await user.click(await screen.findByRole('button', { name: 'Step forward' }));
    expect(finished()).toEqual([]);
    await user.click(button('Step forward'));
    expectStep(last);
    expect(finished()).toEqual([READ]);
  });

  it('counts when playing reaches the end', async () => {
    useQuestionSettings.setState({ enabled: false });
    openVisual(at(last - 3));
    await screen.findByRole('button', { name: 'Play' });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.click(button('Play'));
    for (let i = 0; i < 4; i++) await act(() => vi.advanceTimersByTimeAsync(1400));
    expectStep(last);
    expect(finished()).toEqual([READ]);
  });
});
