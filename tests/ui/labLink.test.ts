import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVICTION,
  evictionJob,
  evictionParams,
  evictionProblems,
  parseEvictionSettings,
} from '../../src/ui/lab/evictionLink.ts';
import { decimal, numberList, wholeNumber } from '../../src/ui/lab/labFields.ts';
import {
  DEFAULT_SHARDING,
  parseShardingSettings,
  shardingJob,
  shardingParams,
  shardingProblems,
} from '../../src/ui/lab/shardingLink.ts';

const params = (text: string) => new URLSearchParams(text);

describe('lab fields', () => {
  it('read whole numbers with the separators people type, within bounds', () => {
    const keys = wholeNumber(1, 1_000_000);
    expect(keys.parse('10,000')).toBe(10_000);
    expect(keys.parse(' 1 000 000 ')).toBe(1_000_000);
    expect(keys.parse('0')).toBeUndefined();
    expect(keys.parse('1e4')).toBeUndefined();
    expect(keys.parse('2000000')).toBeUndefined();
    expect(keys.expected).toBe('a whole number from 1 to 1,000,000');
  });

  it('read decimals above a bound', () => {
    const alpha = decimal(0, 3);
    expect(alpha.parse('0.9')).toBe(0.9);
    expect(alpha.parse('.5')).toBe(0.5);
    expect(alpha.parse('0')).toBeUndefined();
    expect(alpha.parse('3.5')).toBeUndefined();
    expect(alpha.parse('1,2')).toBeUndefined();
  });

  it('read lists in ascending order without repeats', () => {
    const sizes = numberList(1, 100, 4);
    expect(sizes.parse('50, 10 20,10')).toEqual([10, 20, 50]);
    expect(sizes.parse('')).toBeUndefined();
    expect(sizes.parse('1,2,3,4,5')).toBeUndefined();
    expect(sizes.format([10, 20])).toBe('10, 20');
  });
});

describe('the eviction lab’s link', () => {
  it('reads a full link, and writes it back the same', () => {
    const text =
      'alpha=1.1&keys=5000&requests=40000&warmup=5000&seed=7&sizes=10,100&policies=lru,redis-lfu&scale=linear&compare=on&alphaB=0.7&keysB=8000&requestsB=90000';
    const parsed = parseEvictionSettings(params(text));
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(true);
    expect(parsed.settings).toEqual({
      alpha: 1.1,
      keys: 5000,
      requests: 40_000,
      warmUp: 5000,
      seed: 7,
      sizes: [10, 100],
      policies: ['lru', 'redis-lfu'],
      logScale: false,
      compareWith: { alpha: 0.7, keys: 8000, requests: 90_000 },
    });
    expect(new URLSearchParams(evictionParams(parsed.settings)).toString()).toBe(params(text).toString());
  });

  it('takes the defaults for missing parameters, and asks for the address to be rewritten', () => {
    const parsed = parseEvictionSettings(params(''));
    expect(parsed.settings).toEqual(DEFAULT_EVICTION);
    expect(parsed.problems).toEqual([]);
    expect(parsed.complete).toBe(false);
  });

  it('turning compare on starts B as a more skewed copy of A', () => {
    const parsed = parseEvictionSettings(params('alpha=0.9&keys=500&requests=9000&compare=on'));
    expect(parsed.settings.compareWith).toEqual({ alpha: 1.1, keys: 500, requests: 9000 });
  });

  it('explains each unusable value and uses the default instead', () => {
    const parsed = parseEvictionSettings(params('alpha=-1&requests=lots&scale=cubic'));
    expect(parsed.problems.map(({ param, message }) => [param, message])).toEqual([
      [
        'alpha',
        'The link\u2019s alpha \u201c-1\u201d is not a number above 0 and at most 3. Using 0.9, the default, instead.',
      ],
      [
        'requests',
        'The link\u2019s requests \u201clots\u201d is not a whole number from 1 to 20,000,000. Using 60000, the default, instead.',
      ],
      [
        'scale',
        'The link\u2019s scale \u201ccubic\u201d is not one of log, linear. Using log, the default, instead.',
      ],
    ]);
    expect(parsed.settings.alpha).toBe(0.9);
    expect(parsed.complete).toBe(false);
  });

  it('finds settings that cannot run together', () => {
    const settings = {
      ...DEFAULT_EVICTION,
      warmUp: 60_000,
      compareWith: { alpha: 1, keys: 10, requests: 100 },
    };
    expect(evictionProblems(settings)).toEqual({
      warmup: ['The warm-up must be shorter than the trace: fewer than 60,000 requests.'],
      requestsB: ['B needs more requests than the warm-up (60,000), or none would count.'],
    });
    expect(evictionProblems(DEFAULT_EVICTION)).toEqual({});
  });

  it('makes one job with a trace per variant', () => {
    const job = evictionJob({
      ...DEFAULT_EVICTION,
      compareWith: { alpha: 1.2, keys: 100, requests: 50_000 },
    });
    expect(job.variants).toEqual([
      { label: 'A', alpha: 0.9, keys: 10_000, requests: 60_000 },
      { label: 'B', alpha: 1.2, keys: 100, requests: 50_000 },
    ]);
    expect(job.warmUpRequests).toBe(10_000);
  });
});

describe('the sharding lab’s link', () => {
  it('reads and writes every setting, an empty or tagged prefix included', () => {
    const parsed = parseShardingSettings(
      params('schemes=slots&nodes=3&vnodes=10&keys=500&prefix={cart}:&change=remove'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual({
      schemes: ['slots'],
      nodes: 3,
      virtualNodes: 10,
      keys: 500,
      keyPrefix: '{cart}:',
      change: 'remove',
    });
    expect(shardingParams(parsed.settings)).toContainEqual(['prefix', '{cart}:']);
    expect(parseShardingSettings(params('prefix=')).settings.keyPrefix).toBe('');
  });

  it('explains unusable values', () => {
    const parsed = parseShardingSettings(params('schemes=ring,jump&nodes=0&prefix=has space'));
    expect(parsed.problems.map(({ param }) => param)).toEqual(['schemes', 'nodes', 'prefix']);
    expect(parsed.settings).toEqual(DEFAULT_SHARDING);
  });

  it('cannot remove the only node', () => {
    expect(shardingProblems({ ...DEFAULT_SHARDING, nodes: 1, change: 'remove' })).toEqual({
      nodes: ['Removing a node needs at least 2 nodes, or no node would be left.'],
    });
  });

  it('makes a job for the chosen schemes on node-1 … node-N', () => {
    expect(shardingJob({ ...DEFAULT_SHARDING, schemes: ['modulo', 'ring'], nodes: 2 })).toEqual({
      kind: 'resharding',
      schemes: [{ kind: 'modulo' }, { kind: 'hash-ring', virtualNodesPerNode: 100 }],
      nodes: ['node-1', 'node-2'],
      change: 'add-node',
      keyPrefix: 'user:',
      keyCount: 100_000,
    });
  });
});
