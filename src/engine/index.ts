// The engine's only public surface. Everything outside src/engine imports from here.
export { runScenario, type RunOptions } from './sim/runScenario.ts';
export { consoleExchanges, type ConsoleExchange } from './sim/consoleExchanges.ts';
export type * from './sim/trace.ts';
export type * from './sim/scenario.ts';
export type { ConsoleCommand, Fault, FaultKind, Intervention } from './sim/intervention.ts';
export type { ClientOp, Payload } from './sim/messages.ts';
export type * from './strategies/strategy.ts';
export { CACHE_ASIDE } from './strategies/strategy.ts';
export {
  BROKER_ID,
  CACHE_ID,
  CONSOLE_ID,
  DATABASE_ID,
  DEAD_LETTER_ID,
  LOAD_BALANCER_ID,
  RELAY_ID,
} from './sim/scenario.ts';
export { eventIdFor } from './sim/events.ts';

// The Redis console: a session on virtual time, redis-cli's line parser and reply formats.
export { RedisSession, type SessionOptions } from './redis/session.ts';
export { parseCommandLine, type ParsedLine } from './redis/parser.ts';
export { formatReplyCli, formatReplyInline, replyToJson, type Reply } from './redis/reply.ts';
export { Connection } from './redis/pubsub.ts';
export type { EvictionMode, EvictionPolicy, RedisPolicy } from './redis/eviction/policy.ts';
export { REDIS_POLICIES } from './redis/eviction/policy.ts';

// The race explorer: every interleaving of two operations' steps at the cache and the database.
export { exploreRace, racePairOf, RACE_MAX_RUNS } from './check/raceExplorer.ts';
export type * from './check/raceTypes.ts';

// Sharding: where keys live, and what moves when a node joins or leaves.
export { compareResharding, loadUnder, numberedKeys } from './sharding/compare.ts';
export type {
  ShardingScheme,
  MembershipChange,
  ReshardingInput,
  ReshardingReport,
  KeyFlow,
} from './sharding/compare.ts';
export type { LoadSpread } from './sharding/loadSpread.ts';
export { keySlot, hashedPartOf, HASH_SLOT_COUNT } from './sharding/crc16.ts';
export { createRing, ringShares, type HashRing } from './sharding/ring.ts';
export {
  createSlotAssignment,
  slotRanges,
  slotCounts,
  type SlotAssignment,
  type SlotRange,
} from './sharding/clusterSlots.ts';

// Load: Zipf traces, hit ratios through the keyspace, and Che's approximation for LRU.
export {
  simulateHitRatio,
  HIT_RATIO_POLICIES,
  isHitRatioPolicy,
  type HitRatioPolicy,
  type HitRatioOptions,
  type HitRatioResult,
} from './load/hitRatio.ts';
export { zipfProbabilities, ZipfSampler, zipfTrace, zipfKeyName } from './load/zipf.ts';
export { cheCharacteristicTime, cheLruHitRatio } from './load/che.ts';

// The load lab: a scenario's load (open-loop Poisson arrivals, key popularity, bursts, warm-up),
// progress of long runs, and the latency histogram behind a metrics run's percentiles.
export type * from './load/loadSpec.ts';
export type { RunProgress } from './sim/runScenario.ts';
export { LoadArrivals, type Arrival } from './load/arrivals.ts';
export { LatencyHistogram, type LatencyPercentiles } from './load/latencyHistogram.ts';

// Protections against the failure modes: a Bloom filter's sizing and its formula, and the check of a
// strategy's protection settings.
export { BloomFilter, bloomFalsePositiveRate, bloomSize, type BloomSize } from './protection/bloomFilter.ts';
export { protectionProblems } from './strategies/protectionProblems.ts';
// The load lab: scenarios with a load and the settings a learner may change in them.
export type * from './lab/labTypes.ts';
export {
  activeParameters,
  buildLabScenario,
  labDefaults,
  parameterActive,
  parseLabSettings,
  readNumber,
} from './lab/labSettings.ts';
export { labMetricValue, loadEndMs, runLab, summarizeLab, type LabRunOptions } from './lab/runLab.ts';
export { checkScenario, ScenarioError } from './sim/checkScenario.ts';
