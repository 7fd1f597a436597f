/**
 * The load lab at scale: a full topology (clients → load balancer → 3 app nodes → Redis and the
 * database), cache-aside, 100,000 open-loop Poisson requests over Zipf keys, record: 'metrics'.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { runScenario, type Scenario } from '../../src/engine/index.ts';
import { labTopology } from '../../src/content/labs/topology.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  note: string;
}

type Best = (round: () => { work: number; seconds: number }) => number;
type Timed = <T>(fn: () => T) => { value: T; seconds: number };

const REQUESTS = 100_000;
/** The lab scenarios' topology (content/labs/topology.ts): 12 browsers, a balancer, 3 app nodes. */
const labTopologyScenario: Scenario = labTopology({
  id: 'lab-topology-100k',
  title: 'Load lab: three app nodes under 100,000 requests',
  summary: 'Poisson arrivals at 2,000/s over 10,000 Zipf(0.9) keys, 5% writes, cache-aside.',
  load: {
    arrivals: { kind: 'poisson', ratePerSecond: 2_000 },
    requests: REQUESTS,
    keys: { count: 10_000, popularity: { kind: 'zipf', alpha: 0.9 } },
    writeFraction: 0.05,
  },
});

/** `global.gc`, switched on at run time (`npm run bench` starts node without --expose-gc). */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export function labTopology100k(best: Best, timed: Timed): Result[] {
  let events = 0;
  const requestsPerSecond = best(() => {
    const { value: trace, seconds } = timed(() =>
      runScenario(labTopologyScenario, { seed: 1, record: 'metrics' }),
    );
    events = trace.totals.events;
    return { work: trace.series?.totals.requests ?? 0, seconds };
  });

  // A separate, untimed run for memory: the heap in use, sampled every 1,000 events, after a full
  // collection beforehand so the figure is this run's and not garbage left by the timed rounds.
  const gc = collectGarbage();
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const trace = runScenario(labTopologyScenario, {
    seed: 1,
    record: 'metrics',
    progressEveryEvents: 1_000,
    onProgress: () => {
      const used = process.memoryUsage().heapUsed;
      if (used > peak) peak = used;
    },
  });
  const mb = (bytes: number) => bytes / 2 ** 20;
  const buckets = trace.series?.buckets.length ?? 0;
  return [
    {
      name: 'lab.topology-100k.requests-per-s',
      value: requestsPerSecond,
      unit: 'requests/s',
      note: `3 app nodes behind a load balancer, cache-aside, 100,000 Poisson requests over Zipf(0.9) keys, 5% writes, record: metrics (${(events / REQUESTS).toFixed(2)} events per request)`,
    },
    {
      name: 'lab.topology-100k.peak-heap-mb',
      value: Math.round(mb(peak)),
      unit: 'MB',
      note: `peak heapUsed sampled every 1,000 events after a forced GC (${mb(before).toFixed(0)} MB before the run, +${mb(peak - before).toFixed(0)} MB during it); ${buckets} one-second buckets`,
    },
  ];
}
