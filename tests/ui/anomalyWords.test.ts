import { describe, expect, it } from 'vitest';
import { describeAnomaly, describeOperations } from '../../src/content/narration/anomalies.ts';
import { divergence, lostWrite, manyActors, staleRead } from './traceFixture.ts';

const labelOf = (id: string) => manyActors.find((actor) => actor.id === id)?.label ?? id;

describe('describeAnomaly', () => {
  it('tells a stale read with the versions involved', () => {
    expect(describeAnomaly(staleRead, labelOf)).toBe(
      'Stale read: Reader got user:42:email at version 1, but version 2 was committed before the read began.',
    );
  });

  it('tells a lost write with who wrote what', () => {
    expect(describeAnomaly(lostWrite, labelOf)).toBe(
      'Lost write: Alice\'s write of "x" to cart:7 was acknowledged but never reached the database.',
    );
  });

  it('tells a divergence in a local cache, and when its TTL ends it', () => {
    expect(describeAnomaly(divergence, labelOf)).toBe(
      "Divergence: Node B's local cache holds user:42:email v1, the database has v2, and nothing on its way will fix it; the TTL ends it in 27 s.",
    );
  });

  it('tells a divergence in Redis that nothing ends', () => {
    const forever = { ...divergence, where: 'cache', until: null };
    expect(describeAnomaly(forever, labelOf)).toBe(
      'Divergence: the cache holds user:42:email v1, the database has v2, and nothing on its way will fix it; it has no TTL, so it stays wrong until something deletes it.',
    );
  });

  it('names the operations involved', () => {
    expect(describeOperations([])).toBe('no client request');
    expect(describeOperations([5])).toBe('request #5');
    expect(describeOperations([2, 3, 9])).toBe('requests #2, #3 and #9');
  });
});
