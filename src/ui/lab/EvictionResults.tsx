import { useMemo } from 'react';
import { LineChart } from './LineChart.tsx';
import { describeTrace, differenceRows, evictionSeries, evictionSummary } from './evictionChart.ts';
import type { HitRatioCurvesResult } from './labProtocol.ts';
import { POLICY_WORDS, formatCount, formatPercent, formatPoints } from './labWords.ts';

const hitRatioText = (value: number) => formatPercent(value / 100);
const cacheSizeText = (value: number) => `${formatCount(value)} keys`;

/** The eviction lab's chart, and with a comparison, the table of differences. */
interface EvictionResultsProps {
  result: HitRatioCurvesResult;
  /** A display choice, not part of the run: changing it redraws without running again. */
  logScale: boolean;
}

export function EvictionResults({ result, logScale }: EvictionResultsProps) {
  const series = useMemo(() => evictionSeries(result), [result]);
  const x = useMemo(
    () => ({
      label: 'Cache size',
      unit: 'keys',
      values: result.job.sizes,
      // A log scale needs more than one size to draw anything.
      log: result.job.sizes.length > 1 && logScale,
    }),
    [result, logScale],
  );
  const y = useMemo(() => ({ label: 'Hit ratio', unit: '%', range: [0, 100] as const }), []);
  return (
    <>
      <LineChart
        title="Hit ratio against cache size"
        x={x}
        y={y}
        series={series}
        summary={evictionSummary(result).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        formatValue={hitRatioText}
        formatX={cacheSizeText}
      />
      {result.variants.length > 1 ? <DifferencesTable result={result} /> : null}
    </>
  );
}

function DifferencesTable({ result }: { result: HitRatioCurvesResult }) {
  const rows = differenceRows(result);
  const [a, b] = result.variants;
  const sizes = result.job.sizes.length;
  if (a === undefined || b === undefined) return null;
  return (
    <section className="lab-differences" aria-labelledby="lab-differences-heading">
      <h3 id="lab-differences-heading">Differences, B against A</h3>
      <p className="section-note">
        A: {describeTrace(a.trace)}. B: {describeTrace(b.trace)}. Positive differences mean B hits more often.
      </p>
      <div className="table-scroll" role="region" aria-label="Differences table" tabIndex={0}>
        <table className="lab-table" aria-labelledby="lab-differences-heading">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Cache size</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">B − A</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.policy}-${row.size}`} className={index % sizes === 0 ? 'is-group-start' : ''}>
                {index % sizes === 0 ? (
                  <th scope="rowgroup" rowSpan={sizes}>
                    {POLICY_WORDS[row.policy].name}
                  </th>
                ) : null}
                <td>{cacheSizeText(row.size)}</td>
                <td>{formatPercent(row.a)}</td>
                <td>{formatPercent(row.b)}</td>
                <td className={row.b - row.a > 0 ? 'is-up' : row.b - row.a < 0 ? 'is-down' : ''}>
                  {formatPoints(row.b - row.a)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
