import { useId } from 'react';
import type { DbRowView } from '../../engine/index.ts';
import { ChangedNote, RowBadge, cellClass } from './ChangeMark.tsx';
import { diffDbRows } from './tableDiff.ts';
import './data.css';

interface DbTableProps {
  rows: readonly DbRowView[];
  previousRows: readonly DbRowView[] | null;
}

/** The database's rows at this step: the source of truth the cache copies from. */
export function DbTable({ rows, previousRows }: DbTableProps) {
  const headingId = useId();
  const changes = diffDbRows(previousRows, rows);
  return (
    <section className="data-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-panel-title">
        Database
      </h3>
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 ? (
            <tr>
              <td colSpan={3} className="data-empty">
                Empty: no rows.
              </td>
            </tr>
          ) : (
            changes.map(({ key, row, status, changedCells }) => {
              const whole = status === 'added';
              return (
                <tr key={key} className={`row-${status}`}>
                  <th scope="row" className={cellClass(whole)}>
                    <code>{key}</code> <RowBadge status={status} />
                  </th>
                  <td className={cellClass(whole || changedCells.has('value'))}>
                    {row.value}
                    <ChangedNote changed={changedCells.has('value')} />
                  </td>
                  <td className={cellClass(whole || changedCells.has('version'))}>
                    v{row.version}
                    <ChangedNote changed={changedCells.has('version')} />
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
