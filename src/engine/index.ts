// The engine's only public surface. Everything outside src/engine imports from here.
export { runScenario, type RunOptions } from './sim/runScenario.ts';
export type * from './sim/trace.ts';
export type * from './sim/scenario.ts';
export type { Fault, Intervention } from './sim/intervention.ts';
export type { Payload } from './sim/messages.ts';
export type { CacheAsideStrategy } from './strategies/cacheAside.ts';
export { CACHE_ID, DATABASE_ID } from './sim/scenario.ts';
