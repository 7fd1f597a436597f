import type { MotionValue } from 'motion/react';
import type { CacheRowView } from '../../engine/index.ts';
import { RowBadge, StaleBadge, cellClass } from './ChangeMark.tsx';
import { ChangingCell, DataTable } from './DataTable.tsx';
import { KeyText } from './KeyText.tsx';
import { TtlCell } from './TtlCell.tsx';
import { diffCacheRows } from './tableDiff.ts';

interface CacheTableProps {
  /** `Cache` for Redis; `Local cache on Node B` for an app node's own. */
  title?: string;
  rows: readonly CacheRowView[];
  previousRows: readonly CacheRowView[] | null;
  frameTime: number;
  now: MotionValue<number>;
  /** Keys (as stored) that hold an older version than the database at this step. */
  staleKeys: ReadonlySet<string>;
}

/** A cache's keys at this step, with what the step changed highlighted. */
export function CacheTable({
  title = 'Cache',
  rows,
  previousRows,
  frameTime,
  now,
  staleKeys,
}: CacheTableProps) {
  return (
    <DataTable
      title={title}
      columns={['Key', 'Value', 'Version', 'TTL']}
      emptyText="Empty: no keys cached yet."
    >
      {diffCacheRows(previousRows, rows).map(({ key, row, status, changedCells }) => {
        const expired = row.ttlRemainingMs !== null && row.ttlRemainingMs <= 0;
        const rowClass = [`row-${status}`, expired ? 'is-expired' : ''].filter(Boolean).join(' ');
        const newRow = status === 'added';
        return (
          <tr key={key} className={rowClass}>
            <th scope="row" className={cellClass(newRow)}>
              <KeyText text={key} /> <RowBadge status={status} />
              {status !== 'removed' && staleKeys.has(key) ? <StaleBadge /> : null}
            </th>
            <ChangingCell newRow={newRow} changed={changedCells.has('value')}>
              {row.value}
            </ChangingCell>
            <ChangingCell newRow={newRow} changed={changedCells.has('version')}>
              {row.version === null ? '\u2014' : `v${row.version}`}
            </ChangingCell>
            <ChangingCell newRow={newRow} changed={changedCells.has('ttl')}>
              {status === 'removed' ? (
                '\u2014'
              ) : (
                <TtlCell remainingMs={row.ttlRemainingMs} frameTime={frameTime} now={now} />
              )}
            </ChangingCell>
          </tr>
        );
      })}
    </DataTable>
  );
}
