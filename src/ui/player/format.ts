/** Display formats shared by the player's panels. Pure, so tests can pin them down. */

const wholeMs = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Simulated time: `0 ms`, `1,204 ms`; from ten seconds on, `30.01 s`. */
export function formatSimTime(ms: number): string {
  if (Math.abs(ms) < 10_000) return `${wholeMs.format(Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A cache key's remaining TTL: `no TTL`, `expired`, `850 ms`, `29.6 s`. */
export function formatTtl(remainingMs: number | null): string {
  if (remainingMs === null) return 'no TTL';
  if (remainingMs <= 0) return 'expired';
  if (remainingMs < 1000) return `${Math.ceil(remainingMs)} ms`;
  return `${(remainingMs / 1000).toFixed(1)} s`;
}

/** Hits over lookups as a percentage; a dash before the first lookup, since 0 % would be a lie. */
export function formatHitRatio(hits: number, misses: number): string {
  const lookups = hits + misses;
  if (lookups === 0) return '\u2014';
  return `${Math.round((hits / lookups) * 100)}\u00a0%`;
}
