import { useId, type ReactNode } from 'react';
import { ChangedNote, cellClass } from './ChangeMark.tsx';
import './data.css';

interface DataTableProps {
  title: string;
  columns: readonly string[];
  /** Shown in place of the rows when there are none. */
  emptyText: string;
  children: ReactNode[];
}

/** A titled table of the cache's or the database's contents, labelled by its heading. */
export function DataTable({ title, columns, emptyText, children }: DataTableProps) {
  const headingId = useId();
  return (
    <section className="data-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-panel-title">
        {title}
      </h3>
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A cell tinted when this step changed it or added its row, and described for screen readers when
 * it changed (a new row says so with its badge).
 */
export function ChangingCell({
  changed,
  newRow,
  children,
}: {
  changed: boolean;
  newRow: boolean;
  children: ReactNode;
}) {
  return (
    <td className={cellClass(newRow || changed)}>
      {children}
      <ChangedNote changed={changed} />
    </td>
  );
}
