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
export type { EvictionMode, EvictionPolicy } from './redis/eviction/policy.ts';

// The race explorer: every interleaving of two operations' steps at the cache and the database.
export { exploreRace, racePairOf, RACE_MAX_RUNS } from './check/raceExplorer.ts';
export type * from './check/raceTypes.ts';
