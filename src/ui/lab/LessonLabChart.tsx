import { useId } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { parseLabSettings } from '../../engine/index.ts';
import { getLabScenario } from '../../content/index.ts';
import type { LessonChart } from '../../content/index.ts';
import { describeRequests, evictionWork } from './EvictionLab.tsx';
import { EvictionResults } from './EvictionResults.tsx';
import { evictionJob, evictionParams, parseEvictionSettings } from './evictionLink.ts';
import { loadRunLengthMs } from './labJobs.ts';
import type { LabJob, LabProgress, LabResultOf } from './labProtocol.ts';
import { LoadResults } from './LoadResults.tsx';
import { DEFAULT_LOAD_SEED, loadJob, loadParams } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';
import { describeLoadProgress, describeLoadWork } from './loadWords.ts';
import { RunPanel } from './RunPanel.tsx';
import { describeSchemes, shardingWork } from './ShardingLab.tsx';
import { ShardingResults } from './ShardingResults.tsx';
import { parseShardingSettings, shardingJob, shardingParams } from './shardingLink.ts';
import { labSearch } from './useLabLink.ts';
import type { LabName } from './useLabLink.ts';
import { useLabRun } from './useLabRun.ts';
import '../playground/playground.css';
import './lab.css';

type LoadChart = Extract<LessonChart, { lab: 'load' }>;

/** A load chart as the load lab's settings; null when it names a lab scenario that does not exist. */
export function lessonChartSettings(chart: LoadChart): LoadSettings | null {
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
 * A lesson's chart: a run of one of the Lab's labs, started by the reader (it takes a few seconds in
 * the worker), drawn compactly, with a link that opens the same settings in the Lab.
 */
export function LessonLabChart({ chart }: { chart: LessonChart }) {
  switch (chart.lab) {
    case 'load': {
      const settings = lessonChartSettings(chart);
      if (settings === null) {
        return <p className="notice notice-error">This chart names a lab scenario that does not exist.</p>;
      }
      const lab = getLabScenario(settings.scenario)!;
      const job = loadJob(settings);
      const lengths = job.variants.map((variant) => loadRunLengthMs(lab, variant.values));
      const labels = job.variants.map((variant) => variant.label);
      return (
        <LessonLabFigure
          chart={chart}
          job={job}
          work={describeLoadWork(lengths)}
          describeProgress={(progress) => describeLoadProgress(progress, lengths, labels)}
          results={(result) => <LoadResults result={result} compact />}
          lab="load"
          params={loadParams(settings)}
        />
      );
    }
    case 'eviction': {
      const { settings } = parseEvictionSettings(new URLSearchParams(chart.settings));
      const job = evictionJob(settings);
      return (
        <LessonLabFigure
          chart={chart}
          job={job}
          work={evictionWork(job)}
          describeProgress={describeRequests}
          results={(result) => <EvictionResults result={result} logScale={settings.logScale} />}
          lab="eviction"
          params={evictionParams(settings)}
        />
      );
    }
    case 'sharding': {
      const { settings } = parseShardingSettings(new URLSearchParams(chart.settings));
      const job = shardingJob(settings);
      return (
        <LessonLabFigure
          chart={chart}
          job={job}
          work={shardingWork(job)}
          describeProgress={describeSchemes}
          results={(result) => <ShardingResults result={result} />}
          lab="sharding"
          params={shardingParams(settings)}
        />
      );
    }
  }
}

interface LessonLabFigureProps<J extends LabJob> {
  chart: LessonChart;
  job: J;
  work: string;
  describeProgress: (progress: LabProgress) => string;
  results: (result: LabResultOf<J>) => ReactNode;
  lab: LabName;
  params: [string, string][];
}

function LessonLabFigure<J extends LabJob>({
  chart,
  job,
  work,
  describeProgress,
  results,
  lab,
  params,
}: LessonLabFigureProps<J>) {
  const formId = useId();
  const run = useLabRun<J>();
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
      <RunPanel formId={formId} run={run} work={work} describeProgress={describeProgress} />
      {run.result === null ? null : results(run.result)}
      <p className="lesson-chart-link">
        <Link to={`/playground/lab?${labSearch(lab, params)}`}>Open these settings in the Lab</Link> to change
        them and see every chart.
      </p>
    </figure>
  );
}
