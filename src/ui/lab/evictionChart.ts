/** The eviction lab's result as chart lines and sentences. Pure, so tests can pin them down. */
import type { HitRatioPolicy } from '../../engine/index.ts';
import type { ChartSeries } from './LineChart.tsx';
import type { HitRatioCurvesResult, VariantCurves, ZipfTraceSpec } from './labProtocol.ts';
import { CHE_NAME, POLICY_WORDS, formatCount, formatPercent, formatPoints } from './labWords.ts';

const percentValues = (fractions: readonly number[]) => fractions.map((fraction) => fraction * 100);

/** One line per policy (and Che's estimate, dotted) per trace; B's lines are dashed. */
export function evictionSeries(result: HitRatioCurvesResult): ChartSeries[] {
  const comparing = result.variants.length > 1;
  return result.variants.flatMap((variant, index) => {
    const suffix = comparing ? ` (${variant.trace.label})` : '';
    const line = index === 0 ? 'solid' : 'dashed';
    return [
      ...variant.curves.map(({ policy, hitRatios }): ChartSeries => ({
        name: `${POLICY_WORDS[policy].name}${suffix}`,
        unit: '%',
        values: percentValues(hitRatios),
        colour: POLICY_WORDS[policy].colour,
        line,
      })),
      {
        name: `${CHE_NAME}${suffix}`,
        unit: '%',
        values: percentValues(variant.cheLru),
        colour: '--chart-che',
        line: 'dotted',
      },
    ];
  });
}

/** `α 0.9, 10,000 keys, 60,000 requests` */
export function describeTrace(trace: ZipfTraceSpec): string {
  return `\u03b1 ${trace.alpha}, ${formatCount(trace.keys)} keys, ${formatCount(trace.requests)} requests`;
}

/**
 * What the chart shows, in words, one paragraph per trace and one for the comparison: the best
 * and worst policy at the largest size, and how close Che's estimate comes to exact LRU.
 */
export function evictionSummary(result: HitRatioCurvesResult): string[] {
  const { job } = result;
  const sizes = job.sizes;
  const last = sizes.length - 1;
  const largest = sizes[last] ?? 0;
  const sentences: string[] = [];
  for (const variant of result.variants) {
    const name = result.variants.length > 1 ? `Trace ${variant.trace.label}` : 'The trace';
    const ranked = rankAt(variant, last);
    const best = ranked[0];
    const worst = ranked[ranked.length - 1];
    let sentence = `${name} (${describeTrace(variant.trace)}, the first ${formatCount(job.warmUpRequests)} not counted): at ${formatCount(largest)} keys`;
    if (best !== undefined && worst !== undefined && ranked.length > 1) {
      sentence += `, ${POLICY_WORDS[best.policy].name} hits most often (${formatPercent(best.ratio)}) and ${POLICY_WORDS[worst.policy].name} least (${formatPercent(worst.ratio)}).`;
    } else if (best !== undefined) {
      sentence += `, ${POLICY_WORDS[best.policy].name} hits ${formatPercent(best.ratio)} of requests.`;
    }
    const lru = variant.curves.find((curve) => curve.policy === 'lru');
    if (lru !== undefined) {
      const gap = Math.max(...lru.hitRatios.map((ratio, i) => Math.abs(ratio - (variant.cheLru[i] ?? 0))));
      sentence += ` Che\u2019s estimate is within ${formatPoints(gap).replace('+', '')} of exact LRU at every size.`;
    }
    sentences.push(sentence);
  }
  const [a, b] = result.variants;
  if (a !== undefined && b !== undefined) {
    const differences = a.curves.map((curve, i) => {
      const other = b.curves[i]?.hitRatios[last] ?? 0;
      return other - (curve.hitRatios[last] ?? 0);
    });
    const low = Math.min(...differences);
    const high = Math.max(...differences);
    sentences.push(
      low === high
        ? `At ${formatCount(largest)} keys, B differs from A by ${formatPoints(low)}.`
        : `At ${formatCount(largest)} keys, B differs from A by ${formatPoints(low)} to ${formatPoints(high)}, depending on the policy.`,
    );
  }
  return sentences;
}

function rankAt(variant: VariantCurves, index: number): { policy: HitRatioPolicy; ratio: number }[] {
  return variant.curves
    .map(({ policy, hitRatios }) => ({ policy, ratio: hitRatios[index] ?? 0 }))
    .sort((x, y) => y.ratio - x.ratio);
}

export interface DifferenceRow {
  policy: HitRatioPolicy;
  size: number;
  a: number;
  b: number;
}

/** A against B for every policy at every size, for the differences table. */
export function differenceRows(result: HitRatioCurvesResult): DifferenceRow[] {
  const [a, b] = result.variants;
  if (a === undefined || b === undefined) return [];
  return a.curves.flatMap((curve, p) =>
    result.job.sizes.map((size, s) => ({
      policy: curve.policy,
      size,
      a: curve.hitRatios[s] ?? 0,
      b: b.curves[p]?.hitRatios[s] ?? 0,
    })),
  );
}
