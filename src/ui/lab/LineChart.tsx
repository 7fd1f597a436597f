import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useMediaQuery } from '../player/useMediaQuery.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { ChartValuesTable } from './ChartValuesTable.tsx';
import { DASH, canDrawCharts, formatTick, readChartTheme } from './chartStyle.ts';
import type { ChartTheme, LineStyle } from './chartStyle.ts';
import './lab.css';
import './lineChart.css';

export interface ChartSeries {
  name: string;
  /** The values' unit, e.g. `%` or `requests/s`. */
  unit: string;
  /** One value per x value; null leaves a gap. */
  values: readonly (number | null)[];
  /** A CSS custom property holding the colour, e.g. `--chart-blue`, so both themes read well. */
  colour: string;
  line?: LineStyle;
}

export interface ChartAxis {
  label: string;
  unit: string;
}

export interface ChartXAxis extends ChartAxis {
  /** Ascending. */
  values: readonly number[];
  /** A logarithmic scale, for sizes that span orders of magnitude. Values must be > 0. */
  log?: boolean;
}

export interface ChartYAxis extends ChartAxis {
  /** A fixed range, e.g. 0–100 for a percentage; otherwise it follows the data. */
  range?: readonly [number, number];
}

export interface LineChartProps {
  title: string;
  x: ChartXAxis;
  y: ChartYAxis;
  /** Build it with useMemo: a new array redraws the chart. */
  series: readonly ChartSeries[];
  /** What the chart shows, in a few sentences (text, or paragraphs); a screen reader gets this instead. */
  summary: ReactNode;
  /** A value with its unit, for the legend and the table; by default `1,234 unit`. */
  formatValue?: (value: number, unit: string) => string;
  /** An x value with its unit; by default `1,234 unit`. */
  formatX?: (value: number) => string;
  height?: number;
}

const DARK = '(prefers-color-scheme: dark)';
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const defaultFormatValue = (value: number, unit: string) => `${plain.format(value)}\u00a0${unit}`;

/**
 * A line chart drawn with uPlot, with a legend that shows the values under the pointer and turns
 * lines on and off, a summary in words and the values in a table. The canvas is hidden from
 * screen readers: the summary and the table say the same.
 */
export function LineChart(props: LineChartProps) {
  const { title, x, y, series, summary, height = 320 } = props;
  const formatValue = props.formatValue ?? defaultFormatValue;
  const formatX = props.formatX ?? ((value: number) => defaultFormatValue(value, x.unit));
  const titleId = useId();
  const plotElement = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [hoverIndex, setHoverIndex] = useState<number | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const dark = useMediaQuery(DARK);
  const drawable = canDrawCharts();

  useEffect(() => {
    const element = plotElement.current;
    if (!drawable || element === null) return;
    const theme = readChartTheme(
      element,
      series.map((line) => line.colour),
    );
    const chart = new uPlot(
      chartOptions({ x, y, series, theme, height, width: element.clientWidth, onHover: setHoverIndex }),
      [x.values as number[], ...series.map((line) => line.values as (number | null)[])],
      element,
    );
    plot.current = chart;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) chart.setSize({ width: element.clientWidth, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // `dark` is read through the computed style: a change of scheme rebuilds with the new colours.
  }, [drawable, x, y, series, height, dark]);

  // Lines turned off stay off when the chart is rebuilt with the same names.
  useEffect(() => {
    series.forEach((line, index) => plot.current?.setSeries(index + 1, { show: !hidden.has(line.name) }));
  }, [series, hidden, dark]);

  const toggle = (name: string) =>
    setHidden((last) => {
      const next = new Set(last);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <figure className="line-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="line-chart-title">
        {title}
      </figcaption>
      {drawable ? <div className="line-chart-plot" ref={plotElement} aria-hidden="true" /> : null}
      {drawable ? (
        <ChartLegend
          series={series}
          hidden={hidden}
          onToggle={toggle}
          hover={
            hoverIndex === null || x.values[hoverIndex] === undefined
              ? null
              : { index: hoverIndex, x: formatX(x.values[hoverIndex]) }
          }
          formatValue={formatValue}
        />
      ) : null}
      <div className="line-chart-summary">{typeof summary === 'string' ? <p>{summary}</p> : summary}</div>
      <ChartValuesTable title={title} x={x} series={series} formatValue={formatValue} formatX={formatX} />
    </figure>
  );
}

interface ChartOptionsInput {
  x: ChartXAxis;
  y: ChartYAxis;
  series: readonly ChartSeries[];
  theme: ChartTheme;
  width: number;
  height: number;
  onHover: (index: number) => void;
}

function chartOptions({ x, y, series, theme, width, height, onHover }: ChartOptionsInput): uPlot.Options {
  const axis = (label: string): uPlot.Axis => ({
    label,
    stroke: theme.mutedText,
    font: theme.font,
    labelFont: theme.labelFont,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    // uPlot passes null for ticks it leaves unlabelled (on a log scale, most of them).
    values: (_chart, ticks) => ticks.map((tick) => (tick === null ? '' : formatTick(tick))),
  });
  const xValues = x.values as number[];
  return {
    width: Math.max(width, 200),
    height,
    // The React legend replaces uPlot's, so it can be read, focused and themed.
    legend: { show: false },
    // No drag-to-zoom: a teaching chart keeps one view, and a drag would read as a broken click.
    cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
    scales: {
      // A log scale spans exactly the data, a little padded, rather than whole powers of ten.
      x:
        x.log === true
          ? { time: false, distr: 3, log: 10, range: (_chart, min, max) => [min / 1.15, max * 1.15] }
          : { time: false },
      y: y.range === undefined ? {} : { range: [y.range[0], y.range[1]] },
    },
    axes: [
      // On a log scale, ticks sit at the measured values: powers of ten would label few or none.
      x.log === true
        ? { ...axis(`${x.label} (${x.unit})`), splits: () => xValues, filter: (_chart, splits) => splits }
        : axis(`${x.label} (${x.unit})`),
      { ...axis(`${y.label} (${y.unit})`), size: 56 },
    ],
    series: [
      {},
      ...series.map((line, index): uPlot.Series => ({
        label: line.name,
        stroke: theme.seriesColours[index] ?? theme.text,
        width: 2,
        dash: DASH[line.line ?? 'solid'],
        points: { show: true, size: 5, fill: theme.seriesColours[index] ?? theme.text },
        spanGaps: false,
      })),
    ],
    // The legend keeps the last values read when the pointer leaves the plot: clearing them would
    // narrow the legend's buttons under a pointer on its way to click one, and the click would land
    // on another.
    hooks: {
      setCursor: [
        (chart) => {
          const index = chart.cursor.idx;
          if (index !== null && index !== undefined) onHover(index);
        },
      ],
    },
  };
}
