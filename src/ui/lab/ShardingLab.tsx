import { useEffect, useEffectEvent } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { RunPanel } from './RunPanel.tsx';
import { ShardingResults } from './ShardingResults.tsx';
import { ShardingSettingsForm } from './ShardingSettingsForm.tsx';
import type { ReshardingJob } from './labProtocol.ts';
import { sameJob, submitIfValid } from './labRunning.ts';
import { formatCount } from './labWords.ts';
import { shardingJob, shardingProblems } from './shardingLink.ts';
import type { ShardingSettings } from './shardingLink.ts';
import { useLabRun } from './useLabRun.ts';

interface ShardingLabProps {
  settings: ShardingSettings;
  onChange: (settings: ShardingSettings) => void;
  /** Whether this lab's tab is open: it runs once by itself the first time it is. */
  active: boolean;
  /** What in the link could not be used, shown above the settings it concerns. */
  linkNotice?: ReactNode;
}

const FORM_ID = 'sharding-settings';

/** Modulo hashing, a hash ring and Redis Cluster's slots, when one node joins or leaves. */
export function ShardingLab({ settings, onChange, active, linkNotice }: ShardingLabProps) {
  const run = useLabRun<ReshardingJob>();
  const job = shardingJob(settings);
  const runnable = Object.keys(shardingProblems(settings)).length === 0;

  const startOnOpen = useEffectEvent(() => {
    if (run.status === 'idle' && runnable) run.start(job);
  });
  useEffect(() => {
    if (active) startOnOpen();
  }, [active]);

  const submit = (event: FormEvent<HTMLFormElement>) => submitIfValid(event, runnable, () => run.start(job));
  const schemes = job.schemes.length;

  return (
    <div className="lab">
      <section className="lab-panel card" aria-labelledby="sharding-settings-heading">
        <h2 id="sharding-settings-heading">Settings</h2>
        {linkNotice}
        <ShardingSettingsForm id={FORM_ID} settings={settings} onChange={onChange} onSubmit={submit} />
      </section>
      <section className="lab-output" aria-labelledby="sharding-results-heading">
        <h2 id="sharding-results-heading">Results</h2>
        <RunPanel
          formId={FORM_ID}
          run={run}
          work={`${formatCount(settings.keys)} keys placed before and after, under ${schemes} scheme${schemes === 1 ? '' : 's'}.`}
          describeProgress={({ done, total }) => `${done} of ${total} schemes compared`}
        />
        {run.result !== null && !sameJob(run.result.job, job) ? (
          <p className="notice notice-warning">
            These results are from earlier settings. Run again to see the current ones.
          </p>
        ) : null}
        {run.result === null ? null : <ShardingResults result={run.result} />}
      </section>
    </div>
  );
}
