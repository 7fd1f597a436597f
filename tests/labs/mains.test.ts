/**
 * Every lab's `main`, as `npm run lab` calls it: it starts as many app instances as the catalog
 * says, on the ports it is given, answers the first GET of its "Try it" lines, and stops cleanly
 * (its workers and connections too, or the test would hang).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tryItLines } from '../../scripts/lib/labCommand.ts';
import { freePortRun } from '../../scripts/lib/labServers.ts';
import { labs } from '../../src/labs/catalog.ts';
import { LABS_DIR, useLab } from './support/harness.ts';

const lab = useLab('cache-aside');

describe("each lab's main", () => {
  it.each(labs.map((entry) => [entry.id, entry] as const))(
    '%s starts, answers and stops',
    async (_, entry) => {
      // Start from an empty database with this lab's tables, as `npm run lab` would.
      await lab.db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await lab.db.query(readFileSync(join(LABS_DIR, entry.id, 'schema.sql'), 'utf8'));
      // A lab with several instances listens on this port and the ones after it.
      const port = await freePortRun(entry.instances);
      const { main } = await entry.load();
      const running = await main({ redisUrl: inject('redisUrl'), databaseUrl: inject('databaseUrl'), port });
      try {
        expect(running.urls).toEqual(
          Array.from({ length: entry.instances }, (_, i) => `http://127.0.0.1:${port + i}`),
        );
        const source = readFileSync(join(LABS_DIR, entry.id, 'app.ts'), 'utf8');
        const get = tryItLines(source, running.urls).find(
          (line) => line.startsWith('curl') && !line.includes('-X'),
        );
        const url = /http:\/\/\S+/.exec(get ?? '')?.[0];
        expect(url, 'a GET among the Try it lines').toBeDefined();
        const reply = await fetch(url as string);
        expect(reply.status, url).toBeLessThan(500);
      } finally {
        await running.stop();
      }
    },
  );
});
