/**
 * The code labs' tests run against one throwaway redis-server and one throwaway PostgreSQL,
 * started here before any test file and stopped afterwards, also when tests fail (bluntly when
 * the process exits without reaching the teardown, and by each server's reaper when it is killed
 * outright). Without the servers this throws, and the run fails: these tests never skip.
 */
import type { TestProject } from 'vitest/node';
import {
  startPostgresServer,
  startRedisServer,
  type ThrowawayServer,
} from '../../../scripts/lib/labServers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: ThrowawayServer[] = [];
  const stopAllSync = () => servers.forEach((server) => server.stopSync());
  process.once('exit', stopAllSync);
  try {
    const redis = await startRedisServer();
    servers.push(redis);
    const postgres = await startPostgresServer();
    servers.push(postgres);
    project.provide('redisUrl', redis.url);
    project.provide('databaseUrl', postgres.url);
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    process.off('exit', stopAllSync);
    throw new Error(
      `The code labs' tests need a real redis-server and PostgreSQL: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
    process.off('exit', stopAllSync);
  };
}
