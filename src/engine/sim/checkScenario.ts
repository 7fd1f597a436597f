import { CACHE_ID, DATABASE_ID, type Scenario } from './scenario.ts';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * Catches scenarios that cannot run, with a message that says what is wrong: the engine is also
 * fed by hand-written data and, later, by learners' own parameters.
 */
export function checkScenario(scenario: Scenario): void {
  const fail = (problem: string): never => {
    throw new ScenarioError(`scenario "${scenario.id}": ${problem}`);
  };
  const ids = new Set<string>([CACHE_ID, DATABASE_ID]);
  for (const { id } of [...scenario.clients, ...scenario.appNodes]) {
    if (ids.has(id)) fail(`actor id "${id}" is used twice`);
    ids.add(id);
  }
  const appNodes = new Set(scenario.appNodes.map((a) => a.id));
  const clients = new Set(scenario.clients.map((c) => c.id));
  for (const client of scenario.clients) {
    if (!appNodes.has(client.appNode))
      fail(`client "${client.id}" talks to unknown app node "${client.appNode}"`);
  }
  for (const [i, step] of scenario.script.entries()) {
    if (!clients.has(step.client)) fail(`script step ${i} names unknown client "${step.client}"`);
    if (!Number.isFinite(step.atMs) || step.atMs < 0) fail(`script step ${i} has a negative or invalid time`);
  }
  const latencies = [
    scenario.network.defaultLatency,
    ...(scenario.network.links ?? []).map((l) => l.latency),
  ];
  for (const { minMs, maxMs } of latencies) {
    if (!Number.isInteger(minMs) || !Number.isInteger(maxMs) || minMs < 0 || maxMs < minMs) {
      fail(`latency range ${minMs}–${maxMs} ms is not a range of whole, non-negative milliseconds`);
    }
  }
  const { readLatencyMs, writeLatencyMs } = scenario.database;
  if (!(readLatencyMs >= 0 && writeLatencyMs >= 0)) fail('database latencies must not be negative');
  if (!Number.isInteger(scenario.strategy.ttlSeconds) || scenario.strategy.ttlSeconds <= 0) {
    fail(`TTL must be a whole number of seconds above 0, got ${scenario.strategy.ttlSeconds}`);
  }
}
