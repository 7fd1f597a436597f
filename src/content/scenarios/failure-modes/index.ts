import type { Scenario } from '../../../engine/index.ts';
import { avalancheJitter, avalancheOneTtl } from './avalanche.ts';
import { penetrationBloomFilter, penetrationNullCaching, penetrationUnprotected } from './penetration.ts';
import {
  stampedeMutex,
  stampedeMutexLockExpiry,
  stampedeSingleFlight,
  stampedeStaleWhileRevalidate,
  stampedeUnprotected,
  stampedeXfetch,
} from './stampede.ts';

/** The penetration lesson's scenarios, in the order the lesson shows them. */
export const penetrationScenarios: readonly Scenario[] = [
  penetrationUnprotected,
  penetrationNullCaching,
  penetrationBloomFilter,
];

/** The avalanche lesson's scenarios. */
export const avalancheScenarios: readonly Scenario[] = [avalancheOneTtl, avalancheJitter];

/** The stampede lesson's scenarios: the stampede, then each protection. */
export const stampedeScenarios: readonly Scenario[] = [
  stampedeUnprotected,
  stampedeMutex,
  stampedeMutexLockExpiry,
  stampedeSingleFlight,
  stampedeXfetch,
  stampedeStaleWhileRevalidate,
];
