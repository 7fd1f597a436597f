import type { ChartSeries, ChartXAxis } from './LineChart.tsx';

interface ChartValuesTableProps {
  title: string;
  x: ChartXAxis;
  series: readonly ChartSeries[];
  formatValue: (value: number, unit: string) => string;
  formatX: (value: number) => string;
}

/** Every value the chart draws, one row per x value, folded away until asked for. */
export function ChartValuesTable({ title, x, series, formatValue, formatX }: ChartValuesTableProps) {
  return (
    <details className="line-chart-values">
      <summary>The values in a table</summary>
      {/* Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too. */}
      <div className="table-scroll" role="region" aria-label={`${title}: values`} tabIndex={0}>
        <table className="lab-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{x.label}</th>
              {series.map((line) => (
                <th key={line.name} scope="col">
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {x.values.map((xValue, index) => (
              <tr key={xValue}>
                <th scope="row">{formatX(xValue)}</th>
                {series.map((line) => {
                  const value = line.values[index] ?? null;
                  return <td key={line.name}>{value === null ? '\u2014' : formatValue(value, line.unit)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
