import { SPEED_LOG2_STEP, clampSpeedLog2 } from '../../state/playerSettings.ts';

/** How long a step stays on screen while playing at 1×. */
const STEP_INTERVAL_AT_1X_MS = 1400;
/** Bounds of a packet tween at 1×: short hops still read as motion, long waits do not drag. */
const TWEEN_MIN_AT_1X_MS = 250;
const TWEEN_MAX_AT_1X_MS = 900;
/** Wall-clock milliseconds per virtual millisecond of network time, before the bounds apply. */
const TWEEN_MS_PER_VIRTUAL_MS = 25;

export function speedFromLog2(log2: number): number {
  return 2 ** clampSpeedLog2(log2);
}

/** `1×`, `0.25×`, `1.4×`: at most two significant digits, no trailing zeros. */
export function formatSpeed(log2: number): string {
  return `${Number(speedFromLog2(log2).toPrecision(2))}\u00d7`;
}

/** One notch faster (+1) or slower (-1), staying within the range. */
export function nudgeSpeed(log2: number, direction: 1 | -1): number {
  return clampSpeedLog2(log2 + direction * SPEED_LOG2_STEP);
}

/** Wall-clock time between steps while playing. */
export function stepIntervalMs(log2: number): number {
  return STEP_INTERVAL_AT_1X_MS / speedFromLog2(log2);
}

/**
 * How long to tween simulated time across a virtual gap. It grows with the gap but is capped, so a
 * 30-second TTL wait takes under a second, and it always ends before the next playing tick.
 */
export function tweenDurationMs(virtualGapMs: number, log2: number): number {
  if (virtualGapMs <= 0) return 0;
  const atOneX = Math.min(
    TWEEN_MAX_AT_1X_MS,
    Math.max(TWEEN_MIN_AT_1X_MS, virtualGapMs * TWEEN_MS_PER_VIRTUAL_MS),
  );
  return atOneX / speedFromLog2(log2);
}
