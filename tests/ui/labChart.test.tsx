import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LineChart } from '../../src/ui/lab/LineChart.tsx';
import type { ChartSeries } from '../../src/ui/lab/LineChart.tsx';
import { differenceRows, evictionSeries, evictionSummary } from '../../src/ui/lab/evictionChart.ts';
import type { HitRatioCurvesResult } from '../../src/ui/lab/labProtocol.ts';

const SERIES: ChartSeries[] = [
  { name: 'Requests', unit: 'requests/s', values: [120, 340, null], colour: '--chart-blue' },
  { name: 'DB queries', unit: 'queries/s', values: [80, 95.5, 60], colour: '--chart-red', line: 'dashed' },
];

const X = { label: 'Time', unit: 's', values: [0, 1, 2] };
const Y = { label: 'Rate', unit: 'per second' };

/** Two policies at two sizes, A against B: numbers chosen so the sentences are easy to check. */
const RESULT: HitRatioCurvesResult = {
  kind: 'hit-ratio-curves',
  job: {
    kind: 'hit-ratio-curves',
    variants: [
      { label: 'A', alpha: 0.9, keys: 1000, requests: 20_000 },
      { label: 'B', alpha: 1.2, keys: 1000, requests: 20_000 },
    ],
    policies: ['lru', 'fifo'],
    sizes: [50, 200],
    warmUpRequests: 5000,
    seed: 1,
  },
  variants: [
    {
      trace: { label: 'A', alpha: 0.9, keys: 1000, requests: 20_000 },
      curves: [
        { policy: 'lru', hitRatios: [0.3, 0.55] },
        { policy: 'fifo', hitRatios: [0.25, 0.5] },
      ],
      cheLru: [0.302, 0.553],
    },
    {
      trace: { label: 'B', alpha: 1.2, keys: 1000, requests: 20_000 },
      curves: [
        { policy: 'lru', hitRatios: [0.6, 0.8] },
        { policy: 'fifo', hitRatios: [0.55, 0.78] },
      ],
      cheLru: [0.6, 0.801],
    },
  ],
};

describe('LineChart', () => {
  it('without a canvas (as in jsdom), shows its summary and a table of every value', async () => {
    render(
      <LineChart
        title="Load over time"
        x={X}
        y={Y}
        series={SERIES}
        summary="Requests peak at 340 per second."
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Load over time' });
    expect(within(figure).getByText('Requests peak at 340 per second.')).toBeInTheDocument();
    // No legend buttons without a drawing to toggle.
    expect(within(figure).queryByRole('button')).toBeNull();
    await userEvent.setup().click(within(figure).getByText('The values in a table'));
    const table = within(figure).getByRole('table', { name: 'Load over time' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Time', 'Requests', 'DB queries'],
      ['0\u00a0s', '120\u00a0requests/s', '80\u00a0queries/s'],
      ['1\u00a0s', '340\u00a0requests/s', '95.5\u00a0queries/s'],
      ['2\u00a0s', '\u2014', '60\u00a0queries/s'],
    ]);
  });
});

describe('the eviction chart', () => {
  it('draws A solid and B dashed, with Che’s estimate dotted, in the policies’ colours', () => {
    const series = evictionSeries(RESULT);
    expect(series.map(({ name, line, colour }) => [name, line, colour])).toEqual([
      ['LRU (A)', 'solid', '--chart-blue'],
      ['FIFO (A)', 'solid', '--chart-brown'],
      ['Che\u2019s estimate for LRU (A)', 'dotted', '--chart-che'],
      ['LRU (B)', 'dashed', '--chart-blue'],
      ['FIFO (B)', 'dashed', '--chart-brown'],
      ['Che\u2019s estimate for LRU (B)', 'dotted', '--chart-che'],
    ]);
    expect(series[0]?.values[0]).toBeCloseTo(30, 9);
    expect(series[0]?.values[1]).toBeCloseTo(55, 9);
    expect(series.every(({ unit }) => unit === '%')).toBe(true);
  });

  it('sums the result up in words', () => {
    expect(evictionSummary(RESULT)).toEqual([
      'Trace A (\u03b1 0.9, 1,000 keys, 20,000 requests, the first 5,000 not counted): at 200 keys, LRU hits most often (55.0\u00a0%) and FIFO least (50.0\u00a0%). Che\u2019s estimate is within 0.3 points of exact LRU at every size.',
      'Trace B (\u03b1 1.2, 1,000 keys, 20,000 requests, the first 5,000 not counted): at 200 keys, LRU hits most often (80.0\u00a0%) and FIFO least (78.0\u00a0%). Che\u2019s estimate is within 0.1 points of exact LRU at every size.',
      'At 200 keys, B differs from A by +25.0 points to +28.0 points, depending on the policy.',
    ]);
  });

  it('lists A against B for every policy and size', () => {
    expect(differenceRows(RESULT)).toEqual([
      { policy: 'lru', size: 50, a: 0.3, b: 0.6 },
      { policy: 'lru', size: 200, a: 0.55, b: 0.8 },
      { policy: 'fifo', size: 50, a: 0.25, b: 0.55 },
      { policy: 'fifo', size: 200, a: 0.5, b: 0.78 },
    ]);
  });
});
