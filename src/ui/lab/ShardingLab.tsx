import { LabShell } from './LabShell.tsx';
import type { LabProps } from './LabShell.tsx';
import type { LabProgress, ReshardingJob } from './labProtocol.ts';
import { formatCount } from './labWords.ts';
import { ShardingResults } from './ShardingResults.tsx';
import { ShardingSettingsForm } from './ShardingSettingsForm.tsx';
import { shardingJob, shardingProblems } from './shardingLink.ts';
import type { ShardingSettings } from './shardingLink.ts';

/** Modulo hashing, a hash ring and Redis Cluster's slots, when one node joins or leaves. */
export function ShardingLab({ settings, onChange, active, linkNotice }: LabProps<ShardingSettings>) {
  const job = shardingJob(settings);
  return (
    <LabShell
      name="sharding"
      job={job}
      runnable={Object.keys(shardingProblems(settings)).length === 0}
      active={active}
      linkNotice={linkNotice}
      form={(id, onSubmit) => (
        <ShardingSettingsForm id={id} settings={settings} onChange={onChange} onSubmit={onSubmit} />
      )}
      work={shardingWork(job)}
      describeProgress={describeSchemes}
      results={(result) => <ShardingResults result={result} />}
    />
  );
}

/** What a sharding job will do, in words. */
export function shardingWork(job: ReshardingJob): string {
  const schemes = job.schemes.length;
  return `${formatCount(job.keyCount)} keys placed before and after, under ${schemes} scheme${schemes === 1 ? '' : 's'}.`;
}

export function describeSchemes({ done, total }: LabProgress): string {
  return `${done} of ${total} schemes compared`;
}
