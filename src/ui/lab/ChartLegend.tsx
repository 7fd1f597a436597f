import type { ChartSeries } from './LineChart.tsx';
import { DASH } from './chartStyle.ts';

interface ChartLegendProps {
  series: readonly ChartSeries[];
  hidden: ReadonlySet<string>;
  onToggle: (name: string) => void;
  /** The point under the pointer: its index and its x value in words. */
  hover: { index: number; x: string } | null;
  formatValue: (value: number, unit: string) => string;
}

/**
 * The chart's key: one button per line, which hides or shows it, with the line's value at the
 * point under the pointer.
 */
export function ChartLegend({ series, hidden, onToggle, hover, formatValue }: ChartLegendProps) {
  return (
    <div className="chart-legend">
      <p className="chart-legend-hover" aria-hidden="true">
        {hover === null ? 'Point at the chart to read its values.' : `At ${hover.x}:`}
      </p>
      <ul className="chart-legend-list" aria-label="Lines">
        {series.map((line) => {
          const value = hover === null ? null : (line.values[hover.index] ?? null);
          const shown = !hidden.has(line.name);
          return (
            <li key={line.name}>
              <button
                type="button"
                className="chart-legend-item"
                aria-pressed={shown}
                title={shown ? `Hide ${line.name}` : `Show ${line.name}`}
                onClick={() => onToggle(line.name)}
              >
                <svg className="chart-swatch" width="28" height="10" aria-hidden="true">
                  <line
                    // The colour comes through `color`, set by CSSOM, which a strict CSP allows.
                    style={{ color: `var(${line.colour})` }}
                    x1="1"
                    y1="5"
                    x2="27"
                    y2="5"
                    strokeDasharray={DASH[line.line ?? 'solid'].join(' ') || undefined}
                  />
                </svg>
                <span className="chart-legend-name">{line.name}</span>
                {value === null ? null : (
                  <span className="chart-legend-value">{formatValue(value, line.unit)}</span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
