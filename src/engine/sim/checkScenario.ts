import { REDIS_POLICIES } from '../redis/eviction/policy.ts';
import {
  BROKER_ID,
  CACHE_ID,
  DATABASE_ID,
  DEAD_LETTER_ID,
  LOAD_BALANCER_ID,
  RELAY_ID,
  type Scenario,
} from './scenario.ts';
import { checkLoad } from './checkLoad.ts';
import { protectionProblems } from '../strategies/protectionProblems.ts';

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
  if (scenario.loadBalancer !== undefined) appNodes.add(LOAD_BALANCER_ID);
  const clients = new Set(scenario.clients.map((c) => c.id));
  for (const client of scenario.clients) {
    if (!appNodes.has(client.server))
      fail(`client "${client.id}" talks to unknown server "${client.server}"`);
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
  const positive = (value: number, what: string) => {
    if (!Number.isInteger(value) || value <= 0) fail(`${what} must be a whole number above 0, got ${value}`);
  };
  const { limit } = scenario.cache;
  if (limit !== undefined) {
    positive(limit.maxKeys, "the cache's size limit in keys");
    if (!(REDIS_POLICIES as readonly string[]).includes(limit.policy))
      fail(`unknown eviction policy "${limit.policy}" (Redis has ${REDIS_POLICIES.join(', ')})`);
  }
  const { readLatencyMs, writeLatencyMs } = scenario.database;
  if (!(readLatencyMs >= 0 && writeLatencyMs >= 0)) fail('database latencies must not be negative');
  const { strategy } = scenario;
  positive(strategy.ttlSeconds, 'the TTL in seconds');
  if (strategy.localCache.kind === 'l1')
    positive(strategy.localCache.ttlSeconds, 'the local cache TTL in seconds');
  if (strategy.write.kind === 'write-behind') {
    positive(strategy.write.flushIntervalMs, 'the write-behind flush interval in ms');
    positive(strategy.write.batchSize, 'the write-behind batch size');
  }
  if (strategy.raceFix.kind === 'delayed-double-delete')
    positive(strategy.raceFix.delayMs, 'the second delete delay in ms');
  if (strategy.sessions.kind === 'redis-hash')
    positive(strategy.sessions.slidingTtlSeconds, 'the session TTL in seconds');
  for (const problem of protectionProblems(strategy)) fail(problem);
  const eventDriven =
    strategy.invalidation.kind === 'outbox' || strategy.invalidation.kind === 'publish-after-commit';
  if (eventDriven && scenario.events === undefined) {
    fail(`${strategy.invalidation.kind} invalidation needs a broker: add "events" to the scenario`);
  }
  if (scenario.events !== undefined) {
    const { maxAttempts, retryDelayMs, ackTimeoutMs, consumers } = scenario.events;
    positive(maxAttempts, 'maxAttempts');
    positive(retryDelayMs, 'retryDelayMs');
    positive(ackTimeoutMs, 'ackTimeoutMs');
    for (const { id } of consumers) {
      if (ids.has(id)) fail(`actor id "${id}" is used twice`);
      ids.add(id);
    }
  }
  if (scenario.load !== undefined) checkLoad(scenario.load, clients, fail);
  const nodes = new Set([...ids, LOAD_BALANCER_ID, RELAY_ID, BROKER_ID, DEAD_LETTER_ID]);
  for (const [i, { atMs, fault }] of (scenario.faults ?? []).entries()) {
    if (!Number.isFinite(atMs) || atMs < 0) fail(`fault ${i} has a negative or invalid time`);
    const named =
      fault.kind === 'crash' || fault.kind === 'restart'
        ? [fault.node]
        : fault.kind === 'partition'
          ? fault.nodes
          : fault.kind === 'drop next message'
            ? [fault.from, fault.to]
            : fault.kind === 'delay link'
              ? [fault.a, fault.b]
              : [];
    for (const node of named)
      if (!nodes.has(node)) fail(`fault ${i} (${fault.kind}) names unknown actor "${node}"`);
  }
}
