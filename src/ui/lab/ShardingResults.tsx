import type { ReactNode } from 'react';
import type { ReshardingReport } from '../../engine/index.ts';
import type { ReshardingResult } from './labProtocol.ts';
import { formatCount, formatPercent } from './labWords.ts';
import { describeChange, idealFraction, schemeTitle, shardingSummary } from './shardingWords.ts';

/** A cell with a bar before its number; the text carries the value. Widths are set through CSSOM. */
function BarCell({
  fraction,
  ideal = false,
  children,
}: {
  fraction: number;
  ideal?: boolean;
  children: ReactNode;
}) {
  return (
    <td>
      <span className="lab-bar-cell">
        <span className="lab-bar" aria-hidden="true">
          <span
            className={ideal ? 'lab-bar-fill is-ideal' : 'lab-bar-fill'}
            style={{ width: `${Math.min(100, Math.max(0, fraction * 100))}%` }}
          />
        </span>
        {children}
      </span>
    </td>
  );
}

const spreadText = (value: number) => value.toFixed(2);

/** What moved under each scheme, how evenly keys sit before and after, and each node's keys. */
export function ShardingResults({ result }: { result: ReshardingResult }) {
  const [first] = result.reports;
  if (first === undefined) return null;
  return (
    <div className="lab-sharding">
      <p className="lab-summary">{shardingSummary(result)}</p>
      <section aria-labelledby="lab-moved-heading">
        <h3 id="lab-moved-heading">Keys that move when {describeChange(first)}</h3>
        <div className="table-scroll" role="region" aria-label="Keys moved table" tabIndex={0}>
          <table className="lab-table lab-bars" aria-labelledby="lab-moved-heading">
            <thead>
              <tr>
                <th scope="col">Scheme</th>
                <th scope="col">Keys moved</th>
                <th scope="col">Share of keys</th>
                <th scope="col">Against the least</th>
              </tr>
            </thead>
            <tbody>
              {result.reports.map((report) => (
                <tr key={schemeTitle(report.scheme)}>
                  <th scope="row">{schemeTitle(report.scheme)}</th>
                  <td>
                    {formatCount(report.movedKeys)}
                    {report.slotsMoved === null ? null : (
                      <span className="lab-cell-note">
                        {formatCount(report.slotsMoved)} of 16,384 slots changed owner
                      </span>
                    )}
                  </td>
                  <BarCell fraction={report.movedFraction}>{formatPercent(report.movedFraction)}</BarCell>
                  <td>{(report.movedFraction / report.idealMovedFraction).toFixed(1)}×</td>
                </tr>
              ))}
              <tr className="is-ideal-row">
                <th scope="row">Least possible ({idealFraction(first)})</th>
                <td>{formatCount(Math.round(first.idealMovedFraction * first.keyCount))}</td>
                <BarCell fraction={first.idealMovedFraction} ideal>
                  {formatPercent(first.idealMovedFraction)}
                </BarCell>
                <td>1.0×</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="lab-spread-heading">
        <h3 id="lab-spread-heading">How evenly keys are spread</h3>
        <p className="section-note">
          Max/mean is the busiest node over the average: 1.00 is perfectly even, 1.50 means one node has half
          as many keys again as its fair share. The standard deviation is in keys.
        </p>
        <div className="table-scroll" role="region" aria-label="Spread table" tabIndex={0}>
          <table className="lab-table" aria-labelledby="lab-spread-heading">
            <thead>
              <tr>
                <th scope="col">Scheme</th>
                <th scope="col">Max/mean before</th>
                <th scope="col">Max/mean after</th>
                <th scope="col">Std. dev. before</th>
                <th scope="col">Std. dev. after</th>
              </tr>
            </thead>
            <tbody>
              {result.reports.map((report) => (
                <tr key={schemeTitle(report.scheme)}>
                  <th scope="row">{schemeTitle(report.scheme)}</th>
                  <td>{spreadText(report.before.maxOverMean)}</td>
                  <td>{spreadText(report.after.maxOverMean)}</td>
                  <td>{formatCount(Math.round(report.before.standardDeviation))}</td>
                  <td>{formatCount(Math.round(report.after.standardDeviation))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="lab-per-node-heading">
        <h3 id="lab-per-node-heading">Keys per node</h3>
        <div className="lab-node-tables">
          {result.reports.map((report) => (
            <NodeTable key={schemeTitle(report.scheme)} report={report} />
          ))}
        </div>
      </section>
    </div>
  );
}

function NodeTable({ report }: { report: ReshardingReport }) {
  const before = new Map(report.before.keysPerNode.map(({ node, keys }) => [node, keys]));
  const after = new Map(report.after.keysPerNode.map(({ node, keys }) => [node, keys]));
  const nodes = [...new Set([...report.nodesBefore, ...report.nodesAfter])];
  const most = Math.max(1, report.before.max, report.after.max);
  const title = schemeTitle(report.scheme);
  return (
    <div className="table-scroll" role="region" aria-label={`Keys per node: ${title}`} tabIndex={0}>
      <table className="lab-table lab-bars">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const keysBefore = before.get(node);
            const keysAfter = after.get(node);
            return (
              <tr key={node}>
                <th scope="row">{node}</th>
                <td>{keysBefore === undefined ? '\u2014' : formatCount(keysBefore)}</td>
                <BarCell fraction={(keysAfter ?? 0) / most}>
                  {keysAfter === undefined ? 'left' : formatCount(keysAfter)}
                </BarCell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
