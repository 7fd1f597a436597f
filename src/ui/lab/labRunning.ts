import type { FormEvent } from 'react';
import type { LabJob } from './labProtocol.ts';

/** Whether a result was computed for these very settings (jobs are plain data). */
export function sameJob(a: LabJob, b: LabJob): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The Run button submits the settings form. A field still holding text that is not a value, or a
 * value that cannot run with the others, gets the focus instead: its message says what would do.
 */
export function submitIfValid(event: FormEvent<HTMLFormElement>, runnable: boolean, start: () => void): void {
  event.preventDefault();
  const invalid = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid !== null) {
    invalid.focus();
    return;
  }
  if (runnable) start();
}
