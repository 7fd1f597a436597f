import { useLayoutEffect, useRef } from 'react';

export interface StepCursor {
  /** Ask for a step (clamped to the run). */
  goTo: (step: number) => void;
  /** The step most recently asked for, even if it is not on screen yet. */
  latest: () => number;
}

/**
 * Moves the cursor through the URL, which updates asynchronously: the router applies navigations
 * in a transition, so two quick key presses can both arrive while the old frame is still shown.
 * The cursor remembers the steps asked for and not yet shown, so the second press builds on the
 * first instead of repeating it. A step that shows up without being asked for (a link, another
 * scenario) wins over anything still pending.
 */
export function useStepCursor(
  run: unknown,
  shownStep: number,
  lastStep: number,
  onStepChange: (step: number) => void,
): StepCursor {
  const asked = useRef<{ run: unknown; steps: number[] }>({ run, steps: [] });

  useLayoutEffect(() => {
    const pending = asked.current;
    const at = pending.run === run ? pending.steps.indexOf(shownStep) : -1;
    asked.current = { run, steps: at === -1 ? [] : pending.steps.slice(at + 1) };
  }, [run, shownStep]);

  const latest = () => {
    const pending = asked.current;
    return (pending.run === run ? pending.steps.at(-1) : undefined) ?? shownStep;
  };

  const goTo = (step: number) => {
    const next = Math.min(Math.max(0, step), lastStep);
    if (next === latest()) return;
    if (asked.current.run !== run) asked.current = { run, steps: [] };
    asked.current.steps.push(next);
    onStepChange(next);
  };

  return { goTo, latest };
}
