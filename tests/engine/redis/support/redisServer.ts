/**
 * Starts a throwaway redis-server for the conformance suite: loopback only, a free port, no
 * persistence. It never skips: without redis-server the suite fails and says how to install it.
 * The server itself is scripts/lib/labServers.ts's, shared with the code labs and `npm run lab`.
 */
import { MissingServerError, startRedisServer } from '../../../../scripts/lib/labServers.ts';

export interface RunningRedis {
  port: number;
  version: string;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'The Redis conformance suite needs a real redis-server 7.x: install it with `apt-get install redis-server` ' +
  '(scripts/ensure-system-deps.sh does this when run as root).';

export async function startRedis(): Promise<RunningRedis> {
  try {
    const { port, version, stop } = await startRedisServer();
    return { port, version, stop };
  } catch (error) {
    const reason =
      error instanceof MissingServerError
        ? 'redis-server cannot be started'
        : `redis-server did not start: ${(error as Error).message}`;
    throw new Error(`${reason}. ${INSTALL_HINT}`, { cause: error });
  }
}
