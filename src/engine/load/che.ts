/**
 * Che's approximation (Che, Tung & Wang, 2002) of an LRU cache's hit ratio under the independent
 * reference model: a cache of C keys behaves as if each key stayed for a fixed "characteristic
 * time" T after its last request, where T makes the expected number of cached keys equal C:
 *
 *   Σ_i (1 − e^(−p_i·T)) = C,   hit ratio ≈ Σ_i p_i·(1 − e^(−p_i·T)).
 *
 * T is in requests (the p_i are per request). It is accurate to a few thousandths for Zipf
 * popularity, which is why the load lab's tests hold the exact LRU simulation to it.
 */

/** How many keys an LRU cache holds on average when each stays T requests after its last use. */
function expectedOccupancy(probabilities: ArrayLike<number>, t: number): number {
  let keys = 0;
  for (let i = 0; i < probabilities.length; i++) keys -= Math.expm1(-(probabilities[i] as number) * t);
  return keys;
}

/**
 * The characteristic time T (in requests) for a cache of `size` keys, by bisection: occupancy
 * grows with T from 0 toward the number of keys with p > 0. Infinity when everything fits.
 */
export function cheCharacteristicTime(probabilities: ArrayLike<number>, size: number): number {
  let popularKeys = 0;
  for (let i = 0; i < probabilities.length; i++) if ((probabilities[i] as number) > 0) popularKeys++;
  if (size >= popularKeys) return Infinity;
  if (size <= 0) return 0;
  let low = 0;
  let high = size;
  while (expectedOccupancy(probabilities, high) < size) high *= 2;
  // 200 halvings reach the float's resolution long before they run out.
  for (let i = 0; i < 200 && high - low > high * 1e-12; i++) {
    const mid = (low + high) / 2;
    if (expectedOccupancy(probabilities, mid) < size) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Che's estimate of the hit ratio of an LRU cache of `size` keys (probabilities sum to 1). */
export function cheLruHitRatio(probabilities: ArrayLike<number>, size: number): number {
  const t = cheCharacteristicTime(probabilities, size);
  let hits = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    hits += t === Infinity ? p : -p * Math.expm1(-p * t);
  }
  return hits;
}
