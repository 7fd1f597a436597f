import { useId } from 'react';
import type { MotionValue } from 'motion/react';
import type { CacheRowView } from '../../engine/index.ts';
import { ChangedNote, RowBadge, StaleBadge, cellClass } from './ChangeMark.tsx';
import { TtlCell } from './TtlCell.tsx';
import { diffCacheRows } from './tableDiff.ts';
import './data.css';

interface CacheTableProps {
  rows: readonly CacheRowView[];
  previousRows: readonly CacheRowView[] | null;
  frameTime: number;
  now: MotionValue<number>;
  /** Keys the consistency checker says hold an older version than the database. */
  staleKeys: ReadonlySet<string>;
}

/** The cache's keys at this step, with what the step changed highlighted. */
export function CacheTable({ rows, previousRows, frameTime, now, staleKeys }: CacheTableProps) {
  const headingId = useId();
  const changes = diffCacheRows(previousRows, rows);
  return (
    <section className="data-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-panel-title">
        Cache
      </h3>
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Version</th>
            <th scope="col">TTL</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 ? (
            <tr>
              <td colSpan={4} className="data-empty">
                Empty: no keys cached yet.
              </td>
            </tr>
          ) : (
            changes.map(({ key, row, status, changedCells }) => {
              const expired = row.ttlRemainingMs !== null && row.ttlRemainingMs <= 0;
              const rowClass = [`row-${status}`, expired ? 'is-expired' : ''].filter(Boolean).join(' ');
              const whole = status === 'added';
              return (
                <tr key={key} className={rowClass}>
                  <th scope="row" className={cellClass(whole)}>
                    <code>{key}</code> <RowBadge status={status} />
                    {status !== 'removed' && staleKeys.has(key) ? <StaleBadge /> : null}
                  </th>
                  <td className={cellClass(whole || changedCells.has('value'))}>
                    {row.value}
                    <ChangedNote changed={changedCells.has('value')} />
                  </td>
                  <td className={cellClass(whole || changedCells.has('version'))}>
                    {row.version === null ? '\u2014' : `v${row.version}`}
                    <ChangedNote changed={changedCells.has('version')} />
                  </td>
                  <td className={cellClass(whole || changedCells.has('ttl'))}>
                    {status === 'removed' ? (
                      '\u2014'
                    ) : (
                      <TtlCell remainingMs={row.ttlRemainingMs} frameTime={frameTime} now={now} />
                    )}
                    <ChangedNote changed={changedCells.has('ttl')} />
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </section>
  );
}
