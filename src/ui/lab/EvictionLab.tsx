import { EvictionResults } from './EvictionResults.tsx';
import { EvictionSettingsForm } from './EvictionSettingsForm.tsx';
import { evictionJob, evictionProblems } from './evictionLink.ts';
import type { EvictionSettings } from './evictionLink.ts';
import { LabShell } from './LabShell.tsx';
import type { LabProps } from './LabShell.tsx';
import type { HitRatioCurvesJob, LabProgress } from './labProtocol.ts';
import { formatCount } from './labWords.ts';

/** Hit ratio against cache size for each eviction policy, on one shared Zipf trace (or two). */
export function EvictionLab({ settings, onChange, active, linkNotice }: LabProps<EvictionSettings>) {
  const job = evictionJob(settings);
  return (
    <LabShell
      name="eviction"
      job={job}
      runnable={Object.keys(evictionProblems(settings)).length === 0}
      active={active}
      linkNotice={linkNotice}
      form={(id, onSubmit) => (
        <EvictionSettingsForm id={id} settings={settings} onChange={onChange} onSubmit={onSubmit} />
      )}
      work={evictionWork(job)}
      describeProgress={describeRequests}
      results={(result) => <EvictionResults result={result} logScale={settings.logScale} />}
    />
  );
}

/** What an eviction job will do, in words. */
export function evictionWork(job: HitRatioCurvesJob): string {
  const runs = job.policies.length * job.sizes.length;
  const requests = job.variants.reduce((sum, trace) => sum + runs * trace.requests, 0);
  return `${formatCount(runs * job.variants.length)} simulations, ${formatCount(requests)} requests in all.`;
}

export function describeRequests({ done, total }: LabProgress): string {
  return `${formatCount(done)} of ${formatCount(total)} requests`;
}
