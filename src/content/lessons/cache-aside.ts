import source from '../code/cache-aside.ts?raw';
import type { Lesson } from '../schema.ts';

export const cacheAsideLesson: Lesson = {
  id: 'cache-aside',
  title: 'Cache-aside',
  phase: 1,
  summary: 'Read through the cache, load on a miss, delete on write, and why the order matters.',
  bigIdea: [
    'A database read takes milliseconds. A read from Redis, in memory on the same network, takes a fraction of one. Cache-aside puts that speed in front of the database without changing the database at all: the application checks the cache first and only asks the database when the cache has nothing.',
    'On a miss, the application reads the row, copies it into the cache with a time to live (SET key value EX seconds) and returns it. The next read for the same key is a hit and never reaches the database. Only data someone has asked for is cached, which is why the pattern is also called lazy loading.',
    'Writes go to the database, and then the application deletes the cached copy (DEL key). It does not write the new value into the cache: the next read loads it. The order matters. Delete first and update second, and a read that lands in between puts the old value back, where it stays until its TTL runs out.',
  ],
  scenarioIds: ['cache-aside-read', 'cache-aside-write', 'cache-aside-wrong-order'],
  code: { title: 'cache-aside.ts', language: 'typescript', source },
};
