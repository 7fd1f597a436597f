import { useEffect, useEffectEvent } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { EvictionResults } from './EvictionResults.tsx';
import { EvictionSettingsForm } from './EvictionSettingsForm.tsx';
import { RunPanel } from './RunPanel.tsx';
import { evictionJob, evictionProblems } from './evictionLink.ts';
import type { EvictionSettings } from './evictionLink.ts';
import type { HitRatioCurvesJob } from './labProtocol.ts';
import { formatCount } from './labWords.ts';
import { sameJob, submitIfValid } from './labRunning.ts';
import { useLabRun } from './useLabRun.ts';

interface EvictionLabProps {
  settings: EvictionSettings;
  onChange: (settings: EvictionSettings) => void;
  /** Whether this lab's tab is open: it runs once by itself the first time it is. */
  active: boolean;
  /** What in the link could not be used, shown above the settings it concerns. */
  linkNotice?: ReactNode;
}

const FORM_ID = 'eviction-settings';

/** Hit ratio against cache size for each eviction policy, on one shared Zipf trace (or two). */
export function EvictionLab({ settings, onChange, active, linkNotice }: EvictionLabProps) {
  const run = useLabRun<HitRatioCurvesJob>();
  const job = evictionJob(settings);
  const runnable = Object.keys(evictionProblems(settings)).length === 0;
  const runs = job.policies.length * job.sizes.length;
  const requests = job.variants.reduce((sum, trace) => sum + runs * trace.requests, 0);

  const startOnOpen = useEffectEvent(() => {
    if (run.status === 'idle' && runnable) run.start(job);
  });
  useEffect(() => {
    if (active) startOnOpen();
  }, [active]);

  const submit = (event: FormEvent<HTMLFormElement>) => submitIfValid(event, runnable, () => run.start(job));

  return (
    <div className="lab">
      <section className="lab-panel card" aria-labelledby="eviction-settings-heading">
        <h2 id="eviction-settings-heading">Settings</h2>
        {linkNotice}
        <EvictionSettingsForm id={FORM_ID} settings={settings} onChange={onChange} onSubmit={submit} />
      </section>
      <section className="lab-output" aria-labelledby="eviction-results-heading">
        <h2 id="eviction-results-heading">Results</h2>
        <RunPanel
          formId={FORM_ID}
          run={run}
          work={`${formatCount(runs * job.variants.length)} simulations, ${formatCount(requests)} requests in all.`}
          describeProgress={({ done, total }) => `${formatCount(done)} of ${formatCount(total)} requests`}
        />
        {run.result !== null && !sameJob(run.result.job, job) ? (
          <p className="notice notice-warning">
            These results are from earlier settings. Run again to see the current ones.
          </p>
        ) : null}
        {run.result === null ? null : <EvictionResults result={run.result} logScale={settings.logScale} />}
      </section>
    </div>
  );
}
