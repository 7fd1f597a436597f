import { useId } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { parseLabSettings } from '../../engine/index.ts';
import { getLabScenario } from '../../content/index.ts';
import type { LessonChart } from '../../content/index.ts';
import { loadRunLengthMs } from './labJobs.ts';
import type { LoadRunJob } from './labProtocol.ts';
import { LoadResults } from './LoadResults.tsx';
import { DEFAULT_LOAD_SEED, loadJob, loadParams } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';
import { describeLoadProgress, describeLoadWork } from './loadWords.ts';
import { RunPanel } from './RunPanel.tsx';
import { labSearch } from './useLabLink.ts';
import { useLabRun } from './useLabRun.ts';
import '../playground/playground.css';
import './lab.css';

/** A lesson's chart as the load lab's settings; null when the lesson names a lab scenario that does not exist. */
export function lessonChartSettings(chart: LessonChart): LoadSettings | null {
  const lab = getLabScenario(chart.scenario);
  if (lab === undefined) return null;
  // The content tests check that every setting here is valid; a bad one would fall back to its default.
  const values = parseLabSettings(lab, chart.settings).values;
  const compareWith =
    chart.compare === undefined
      ? null
      : parseLabSettings(lab, { ...chart.settings, ...chart.compare }).values;
  return { scenario: lab.id, seed: DEFAULT_LOAD_SEED, values, compareWith };
}

/**
 * A lesson's chart: a load-lab run, started by the reader (it takes a few seconds in the worker),
 * drawn compactly, with a link that opens the same settings in the Lab.
 */
export function LessonLabChart({ chart }: { chart: LessonChart }) {
  const formId = useId();
  const run = useLabRun<LoadRunJob>();
  const settings = lessonChartSettings(chart);
  if (settings === null) {
    return <p className="notice notice-error">This chart names a lab scenario that does not exist.</p>;
  }
  const lab = getLabScenario(settings.scenario)!;
  const job = loadJob(settings);
  const lengths = job.variants.map((variant) => loadRunLengthMs(lab, variant.values));
  const labels = job.variants.map((variant) => variant.label);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run.start(job);
  };
  return (
    <figure className="lesson-chart">
      <figcaption>
        <h3>{chart.title}</h3>
        <p>{chart.caption}</p>
      </figcaption>
      <form id={formId} onSubmit={submit} aria-label={`Run: ${chart.title}`} />
      <RunPanel
        formId={formId}
        run={run}
        work={describeLoadWork(lengths)}
        describeProgress={(progress) => describeLoadProgress(progress, lengths, labels)}
      />
      {run.result === null ? null : <LoadResults result={run.result} compact />}
      <p className="lesson-chart-link">
        <Link to={`/playground/lab?${labSearch('load', loadParams(settings))}`}>
          Open these settings in the Lab
        </Link>{' '}
        to change them and see every chart.
      </p>
    </figure>
  );
}
