import type { DbRowView } from '../../engine/index.ts';
import { RowBadge, cellClass } from './ChangeMark.tsx';
import { ChangingCell, DataTable } from './DataTable.tsx';
import { KeyText } from './KeyText.tsx';
import { diffDbRows } from './tableDiff.ts';

interface DbTableProps {
  rows: readonly DbRowView[];
  previousRows: readonly DbRowView[] | null;
}

/** The database's rows at this step: the source of truth the cache copies from. */
export function DbTable({ rows, previousRows }: DbTableProps) {
  return (
    <DataTable title="Database" columns={['Key', 'Value', 'Version']} emptyText="Empty: no rows.">
      {diffDbRows(previousRows, rows).map(({ key, row, status, changedCells }) => {
        const newRow = status === 'added';
        return (
          <tr key={key} className={`row-${status}`}>
            <th scope="row" className={cellClass(newRow)}>
              <KeyText text={key} /> <RowBadge status={status} />
            </th>
            <ChangingCell newRow={newRow} changed={changedCells.has('value')}>
              {row.value}
            </ChangingCell>
            <ChangingCell newRow={newRow} changed={changedCells.has('version')}>
              v{row.version}
            </ChangingCell>
          </tr>
        );
      })}
    </DataTable>
  );
}
