import { LabShell } from './LabShell.tsx';
import type { LabProps } from './LabShell.tsx';
import { loadRunLengthMs } from './labJobs.ts';
import { LoadResults } from './LoadResults.tsx';
import { LoadScenarioPicker } from './LoadScenarioPicker.tsx';
import { LoadSettingsForm } from './LoadSettingsForm.tsx';
import { loadJob, loadLabOf } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';
import { describeLoadProgress, describeLoadWork } from './loadWords.ts';

/** A lab scenario run over virtual time, with one configuration or two compared on the same axes. */
export function LoadLab({ settings, onChange, active, linkNotice }: LabProps<LoadSettings>) {
  const lab = loadLabOf(settings);
  const job = loadJob(settings);
  const lengths = job.variants.map((variant) => loadRunLengthMs(lab, variant.values));
  const labels = job.variants.map((variant) => variant.label);
  return (
    <LabShell
      name="load"
      job={job}
      // Every value was checked as it was read or typed; what the engine refuses, the run reports.
      runnable
      active={active}
      linkNotice={linkNotice}
      intro={(notice) => <LoadScenarioPicker settings={settings} onChange={onChange} linkNotice={notice} />}
      form={(id, onSubmit) => (
        <LoadSettingsForm id={id} settings={settings} onChange={onChange} onSubmit={onSubmit} />
      )}
      work={describeLoadWork(lengths)}
      describeProgress={(progress) => describeLoadProgress(progress, lengths, labels)}
      results={(result) => <LoadResults result={result} />}
    />
  );
}
