import type { AnomalyKind } from '../../engine/index.ts';

/**
 * Each kind of anomaly has its own shape as well as its own colour, so they tell apart without
 * colour: a triangle for a stale read, a square with a cross for a lost write, a diamond for a
 * divergence. Decorative: whatever shows it also names the kind in words.
 */
const SHAPES: Record<AnomalyKind, { className: string; d: string }> = {
  'stale read': { className: 'anomaly-shape-stale-read', d: 'M8 1.5 15 14.5H1z' },
  'lost write': { className: 'anomaly-shape-lost-write', d: 'M2 2h12v12H2zM4.5 4.5l7 7M11.5 4.5l-7 7' },
  divergence: { className: 'anomaly-shape-divergence', d: 'M8 1 15 8 8 15 1 8z' },
};

export function AnomalyShape({ kind }: { kind: AnomalyKind }) {
  const { className, d } = SHAPES[kind];
  return (
    <svg
      className={`anomaly-shape ${className}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
