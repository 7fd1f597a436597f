import type { OutboxRowView } from '../../engine/index.ts';
import { RowBadge, cellClass } from './ChangeMark.tsx';
import { ChangingCell, DataTable } from './DataTable.tsx';
import { KeyText } from './KeyText.tsx';
import { diffOutboxRows } from './tableDiff.ts';

interface OutboxTableProps {
  rows: readonly OutboxRowView[];
  previousRows: readonly OutboxRowView[] | null;
}

/**
 * The outbox table: invalidation events the database committed with each write, and whether the
 * relay has published each one to the broker yet.
 */
export function OutboxTable({ rows, previousRows }: OutboxTableProps) {
  return (
    <DataTable
      title="Outbox table"
      columns={['Event id', 'Key', 'Version', 'Published']}
      emptyText="Empty: no events waiting."
    >
      {diffOutboxRows(previousRows, rows).map(({ key, row, status, changedCells }) => {
        const newRow = status === 'added';
        return (
          <tr key={key} className={`row-${status}`}>
            <th scope="row" className={cellClass(newRow)}>
              <KeyText text={row.eventId} /> <RowBadge status={status} />
            </th>
            <ChangingCell newRow={newRow} changed={false}>
              <KeyText text={row.key} />
            </ChangingCell>
            <ChangingCell newRow={newRow} changed={false}>
              v{row.version}
            </ChangingCell>
            <ChangingCell newRow={newRow} changed={changedCells.has('published')}>
              {row.published ? 'yes' : 'not yet'}
            </ChangingCell>
          </tr>
        );
      })}
    </DataTable>
  );
}
