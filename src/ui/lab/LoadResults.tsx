import { useMemo } from 'react';
import { labDefaults } from '../../engine/index.ts';
import { LineChart } from './LineChart.tsx';
import { loadRunLengthMs } from './labJobs.ts';
import type { ChartXAxis } from './LineChart.tsx';
import type { LoadRunResult } from './labProtocol.ts';
import { formatCount, formatPercent } from './labWords.ts';
import { loadCharts, loadXAxis } from './loadChart.ts';
import type { LoadChart } from './loadChart.ts';
import { loadLabOf } from './loadLink.ts';
import { BloomFilterTable, LoadDifferencesTable, LoadResultsTable } from './LoadTables.tsx';
import { describeChanges, formatMs } from './loadWords.ts';

const valueText = (value: number, unit: string) =>
  unit === '%'
    ? formatPercent(value / 100)
    : unit === 'ms'
      ? formatMs(value)
      : `${formatCount(value)}\u00a0${unit}`;
const secondText = (value: number) => `${formatCount(value)}\u00a0s`;

/**
 * A load run over virtual time: the scenario's headline chart, the figures of the whole run (and
 * with B, the differences), the Bloom filter when there is one, then the other charts. `compact`
 * (a lesson's chart) leaves out the other charts.
 */
export function LoadResults({ result, compact = false }: { result: LoadRunResult; compact?: boolean }) {
  const lab = loadLabOf({ scenario: result.job.scenario });
  const lengths = useMemo(
    () => result.job.variants.map((variant) => loadRunLengthMs(lab, variant.values)),
    [result, lab],
  );
  const charts = useMemo(() => loadCharts(result, lab.headline, lengths), [result, lab, lengths]);
  const x = useMemo(() => loadXAxis(result, lengths), [result, lengths]);
  const [headline, ...others] = charts;
  const level = compact ? 4 : 3;
  return (
    <div className="lab-load">
      <RunsKey result={result} />
      {headline === undefined ? null : <LoadLineChart chart={headline} x={x} />}
      <LoadResultsTable result={result} level={level} />
      {result.runs.length > 1 ? <LoadDifferencesTable result={result} level={level} /> : null}
      <BloomFilterTable result={result} level={level} />
      {compact ? null : others.map((chart) => <LoadLineChart key={chart.metric} chart={chart} x={x} />)}
    </div>
  );
}

function LoadLineChart({ chart, x }: { chart: LoadChart; x: ChartXAxis }) {
  return (
    <LineChart
      title={chart.title}
      x={x}
      y={chart.y}
      series={chart.series}
      summary={chart.summary}
      formatValue={valueText}
      formatX={secondText}
      height={300}
    />
  );
}

/** The scenario, and which settings each run had where they are not the defaults (for B, not A's). */
function RunsKey({ result }: { result: LoadRunResult }) {
  const runs = describeRuns(result);
  return (
    <div className="lab-runs">
      <p>
        <strong>{loadLabOf({ scenario: result.job.scenario }).title}</strong>, seed {result.job.seed}
        {runs.length > 1 ? ' for both runs' : ''}.
      </p>
      <dl>
        {runs.map(({ label, settings }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{settings}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export interface RunDescription {
  /** `A`, or `B (dashed)`. */
  label: string;
  settings: string;
}

export function describeRuns(result: LoadRunResult): RunDescription[] {
  const lab = loadLabOf({ scenario: result.job.scenario });
  const [a, b] = result.job.variants;
  if (a === undefined) return [];
  const changesA = describeChanges(lab, a.values, labDefaults(lab));
  const runs = [{ label: a.label, settings: changesA === '' ? 'the scenario\u2019s defaults' : changesA }];
  if (b !== undefined) {
    const changesB = describeChanges(lab, b.values, a.values);
    runs.push({
      label: `${b.label} (dashed)`,
      settings: changesB === '' ? 'the same settings as A' : `as A, but ${changesB}`,
    });
  }
  return runs;
}
