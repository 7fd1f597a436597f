import { useEffect, useEffectEvent } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { LabJob, LabProgress, LabResultOf } from './labProtocol.ts';
import { sameJob, submitIfValid } from './labRunning.ts';
import { RunPanel } from './RunPanel.tsx';
import { useLabRun } from './useLabRun.ts';

/** What every lab takes from the page. */
export interface LabProps<S> {
  settings: S;
  onChange: (settings: S) => void;
  /** Whether this lab's tab is open: it runs once by itself the first time it is. */
  active: boolean;
  /** What in the link could not be used, shown above the settings it concerns. */
  linkNotice?: ReactNode;
}

interface LabShellProps<J extends LabJob> {
  /** Names the settings form and the headings' ids, e.g. `eviction`. */
  name: string;
  /** The job the current settings describe. */
  job: J;
  /** Whether the settings can run together. */
  runnable: boolean;
  active: boolean;
  linkNotice?: ReactNode;
  /**
   * What comes before settings and results, across both (the load lab's scenarios), given the
   * link's problems to show under its heading: they may concern it as much as the form.
   */
  intro?: (linkNotice: ReactNode) => ReactNode;
  /** The settings form, with the id the Run button submits and what submitting does. */
  form: (formId: string, onSubmit: (event: FormEvent<HTMLFormElement>) => void) => ReactNode;
  /** What a run will do, in words. */
  work: string;
  describeProgress: (progress: LabProgress) => string;
  results: (result: LabResultOf<J>) => ReactNode;
}

/**
 * One lab's page section: settings beside results, the run in a worker with its progress, and a
 * warning when the results shown are from other settings. Each lab brings its form and results.
 */
export function LabShell<J extends LabJob>({
  name,
  job,
  runnable,
  active,
  linkNotice,
  intro,
  form,
  work,
  describeProgress,
  results,
}: LabShellProps<J>) {
  const run = useLabRun<J>();
  const formId = `${name}-settings`;

  const startOnOpen = useEffectEvent(() => {
    if (run.status === 'idle' && runnable) run.start(job);
  });
  useEffect(() => {
    if (active) startOnOpen();
  }, [active]);

  const submit = (event: FormEvent<HTMLFormElement>) => submitIfValid(event, runnable, () => run.start(job));

  const settings = (
    <section className="lab-panel card" aria-labelledby={`${name}-settings-heading`}>
      <h2 id={`${name}-settings-heading`}>Settings</h2>
      {intro === undefined ? linkNotice : null}
      {form(formId, submit)}
    </section>
  );
  const lab = (
    <div className="lab">
      {settings}
      <section className="lab-output" aria-labelledby={`${name}-results-heading`}>
        <h2 id={`${name}-results-heading`}>Results</h2>
        <RunPanel formId={formId} run={run} work={work} describeProgress={describeProgress} />
        {run.result !== null && !sameJob(run.result.job, job) ? (
          <p className="notice notice-warning">
            These results are from earlier settings. Run again to see the current ones.
          </p>
        ) : null}
        {run.result === null ? null : results(run.result)}
      </section>
    </div>
  );
  if (intro === undefined) return lab;
  return (
    <div className="lab-with-intro">
      {intro(linkNotice)}
      {lab}
    </div>
  );
}
