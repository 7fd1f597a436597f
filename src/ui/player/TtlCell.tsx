import { m, useTransform } from 'motion/react';
import type { MotionValue } from 'motion/react';
import { formatTtl } from './format.ts';

interface TtlCellProps {
  /** Remaining TTL as of `frameTime`; null for a key without one. */
  remainingMs: number | null;
  frameTime: number;
  now: MotionValue<number>;
}

/** A TTL that counts down as simulated time moves, between the frames the engine recorded. */
export function TtlCell({ remainingMs, frameTime, now }: TtlCellProps) {
  const text = useTransform(now, (t) =>
    formatTtl(remainingMs === null ? null : remainingMs + (frameTime - t)),
  );
  return <m.span className="ttl">{text}</m.span>;
}
