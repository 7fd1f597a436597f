import type { Lesson } from '../schema.ts';
import { avalancheLesson } from './avalanche.ts';
import { cacheAsideLesson } from './cache-aside.ts';
import { coherenceLesson } from './coherence.ts';
import { consistentHashingLesson } from './consistent-hashing.ts';
import { eventDrivenLesson } from './event-driven.ts';
import { penetrationLesson } from './penetration.ts';
import { productionLesson } from './production.ts';
import { pubsubLesson } from './pubsub.ts';
import { racesLesson } from './races.ts';
import { sessionsLesson } from './sessions.ts';
import { stampedeLesson } from './stampede.ts';
import { ttlEvictionLesson } from './ttl-eviction.ts';
import { whyCacheLesson } from './why-cache.ts';
import { writeStrategiesLesson } from './write-strategies.ts';

/** The written lessons, in curriculum order. */
export const lessons: readonly Lesson[] = [
  whyCacheLesson,
  cacheAsideLesson,
  ttlEvictionLesson,
  sessionsLesson,
  pubsubLesson,
  writeStrategiesLesson,
  coherenceLesson,
  eventDrivenLesson,
  racesLesson,
  penetrationLesson,
  avalancheLesson,
  stampedeLesson,
  consistentHashingLesson,
  productionLesson,
];

export function getLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
