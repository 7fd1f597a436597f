import { useId } from 'react';
import type { LabRun } from '../../engine/index.ts';
import type { LoadRunResult } from './labProtocol.ts';
import { formatCount } from './labWords.ts';
import { FAILED_MEASURE, LOAD_MEASURES, directionWords, formatRate } from './loadWords.ts';
import type { LoadMeasure } from './loadWords.ts';

interface TableProps {
  result: LoadRunResult;
  /** The level of the table's heading: 3 in the Lab, 4 under a lesson chart's own heading. */
  level?: 3 | 4;
}

/** The figures the tables show: the failed requests only when a run had some. */
function measuresFor(runs: readonly LabRun[]): readonly LoadMeasure[] {
  return runs.some((run) => run.summary.failed > 0) ? [...LOAD_MEASURES, FAILED_MEASURE] : LOAD_MEASURES;
}

function MeasureHeader({ measure }: { measure: LoadMeasure }) {
  return (
    <th scope="row">
      {measure.name}
      <span className="lab-cell-note">{measure.note}</span>
    </th>
  );
}

/** Each run's figures over the whole run, side by side. */
export function LoadResultsTable({ result, level = 3 }: TableProps) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const labels = result.job.variants.map((variant) => variant.label);
  const comparing = result.runs.length > 1;
  return (
    <section className="lab-differences" aria-labelledby={headingId}>
      <Heading id={headingId}>{comparing ? 'The two runs' : 'The run'}</Heading>
      <div className="table-scroll" role="region" aria-label="Results table" tabIndex={0}>
        <table className="lab-table lab-measures" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {result.runs.map((_, index) => (
                <th key={labels[index]} scope="col">
                  {comparing ? labels[index] : 'Value'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {measuresFor(result.runs).map((measure) => (
              <tr key={measure.name}>
                <MeasureHeader measure={measure} />
                {result.runs.map((run, index) => (
                  <td key={labels[index]}>
                    {measure.format(run.summary)}
                    {measure.detail === undefined ? null : (
                      <span className="lab-cell-note">{measure.detail(run.summary)}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** B − A for each figure, and which way it went, in words. */
export function LoadDifferencesTable({ result, level = 3 }: TableProps) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const [a, b] = result.runs;
  if (a === undefined || b === undefined) return null;
  return (
    <section className="lab-differences" aria-labelledby={headingId}>
      <Heading id={headingId}>Differences, B against A</Heading>
      <div className="table-scroll" role="region" aria-label="Differences table" tabIndex={0}>
        <table className="lab-table lab-measures" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">B − A</th>
              <th scope="col" className="lab-direction">
                B is
              </th>
            </tr>
          </thead>
          <tbody>
            {measuresFor(result.runs).map((measure) => {
              const valueA = measure.value(a.summary);
              const valueB = measure.value(b.summary);
              return (
                <tr key={measure.name}>
                  <MeasureHeader measure={measure} />
                  <td>
                    {valueA === null || valueB === null
                      ? '\u2014'
                      : measure.formatDifference(valueB - valueA)}
                  </td>
                  <td className="lab-direction">{directionWords(measure, valueA, valueB)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The Bloom filter's size and its false-positive rate by the formula beside the one measured. */
export function BloomFilterTable({ result, level = 3 }: TableProps) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const labels = result.job.variants.map((variant) => variant.label);
  const rows = result.runs.flatMap((run, index) =>
    run.summary.bloom === null ? [] : [{ label: labels[index] ?? '', bloom: run.summary.bloom }],
  );
  if (rows.length === 0) return null;
  const comparing = result.runs.length > 1;
  return (
    <section className="lab-differences" aria-labelledby={headingId}>
      <Heading id={headingId}>Bloom filter</Heading>
      <p className="section-note">
        The formula&rsquo;s rate, (1 − e<sup>−kn/m</sup>)<sup>k</sup>, is the chance that an id the filter was
        not loaded with gets through it; the measured rate is the share of this run&rsquo;s reads of absent
        ids that got through to the database, which comes near the formula only when the ids are many and
        seldom repeat.
      </p>
      <div className="table-scroll" role="region" aria-label="Bloom filter table" tabIndex={0}>
        <table className="lab-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              {comparing ? (
                <th scope="col" rowSpan={2}>
                  Run
                </th>
              ) : null}
              <th scope="colgroup" colSpan={3}>
                The filter
              </th>
              <th scope="colgroup" colSpan={2}>
                False-positive rate
              </th>
            </tr>
            <tr>
              <th scope="col">m (bits)</th>
              <th scope="col">k (hashes)</th>
              <th scope="col">n (items)</th>
              <th scope="col">Formula</th>
              <th scope="col">Measured</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, bloom }) => (
              <tr key={label}>
                {comparing ? <th scope="row">{label}</th> : null}
                <td>{formatCount(bloom.bits)}</td>
                <td>{formatCount(bloom.hashes)}</td>
                <td>{formatCount(bloom.items)}</td>
                <td>{formatRate(bloom.formulaRate)}</td>
                <td>
                  {bloom.measuredRate === null ? 'no reads of absent ids' : formatRate(bloom.measuredRate)}
                  <span className="lab-cell-note">
                    {formatCount(bloom.absentReadsPassed)} of {formatCount(bloom.absentReads)} absent-id reads
                    passed
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
