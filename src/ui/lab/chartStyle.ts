/**
 * What a chart needs from the page's theme. Canvas cannot read CSS variables, so the chart reads
 * them from the computed style when it is built, and is rebuilt when the colour scheme changes.
 */

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** Dash patterns in CSS pixels, shared by the canvas and the legend's swatches. */
export const DASH: Record<LineStyle, number[]> = {
  solid: [],
  dashed: [8, 5],
  dotted: [2, 4],
};

export interface ChartTheme {
  /** Each series' colour, in series order. */
  seriesColours: string[];
  text: string;
  mutedText: string;
  grid: string;
  font: string;
  labelFont: string;
}

/** Reads the theme from `element`'s computed style; `seriesColours` are custom property names. */
export function readChartTheme(element: Element, seriesColours: readonly string[]): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const family = style.fontFamily || 'system-ui, sans-serif';
  return {
    seriesColours: seriesColours.map((name) => read(name, '#1d55c4')),
    text: read('--text', '#1b1f27'),
    mutedText: read('--text-muted', '#4c5463'),
    grid: read('--border', '#d6dbe3'),
    font: `12px ${family}`,
    labelFont: `600 13px ${family}`,
  };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Tick labels: `500`, `2K`, `1.5M`. */
export function formatTick(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : whole.format(value);
}

/**
 * Whether this browser can draw the chart: it needs a 2D canvas and ResizeObserver. jsdom has
 * neither, so component tests see the summary and the table, which is what a screen reader reads.
 */
export function canDrawCharts(): boolean {
  if (typeof ResizeObserver === 'undefined' || typeof HTMLCanvasElement === 'undefined') return false;
  drawable ??= document.createElement('canvas').getContext('2d') !== null;
  return drawable;
}
let drawable: boolean | undefined;
