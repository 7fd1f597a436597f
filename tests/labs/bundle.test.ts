/**
 * The site's bundle holds none of the code labs' runtime: a production build (in memory, with
 * src/content/labSources.ts as an extra entry, since no lesson may import it yet) must contain
 * no module of express, redis or pg, and take files of src/labs only as `?raw` text. The module
 * list comes from the bundler itself, for the page and its workers alike.
 * ESLint's `cachescope/lab-boundary` rule catches the same mistakes in the editor; this proves
 * the result. The same build checks that React Router comes in its production build (vite.config.ts).
 */
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const LAB_PACKAGE = /[\\/]node_modules[\\/](express|redis|@redis[\\/][^\\/]+|pg|pg-[^\\/]+)[\\/]/;

describe('the site bundle', () => {
  it('contains the lab sources as text and none of the labs’ runtime packages', async () => {
    const modules = new Set<string>();
    const recorder = (): Plugin => ({
      name: 'record-modules',
      generateBundle() {
        for (const id of this.getModuleIds()) modules.add(id);
      },
    });
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      plugins: [recorder()],
      worker: { plugins: () => [recorder()] },
      build: {
        write: false,
        sourcemap: false,
        minify: false,
        rolldownOptions: {
          input: { site: join(ROOT, 'index.html'), labSources: join(ROOT, 'src/content/labSources.ts') },
        },
      },
    });

    const ids = [...modules];
    expect(ids.some((id) => id.includes('/src/app/main.tsx'))).toBe(true);
    expect(ids.some((id) => id.includes('/src/engine/'))).toBe(true); // the load lab's worker too
    const packages = new Set(ids.map((id) => LAB_PACKAGE.exec(id)?.[1]).filter((name) => name !== undefined));
    expect([...packages]).toEqual([]);
    const fromLabs = ids.filter((id) => id.includes('/src/labs/'));
    expect(fromLabs.length).toBeGreaterThanOrEqual(21);
    expect(fromLabs.filter((id) => !id.endsWith('?raw'))).toEqual([]);
    const router = ids.filter((id) => /[\\/]node_modules[\\/]react-router[\\/]/.test(id));
    expect(router.length).toBeGreaterThan(0);
    expect(router.filter((id) => !/[\\/]dist[\\/]production[\\/]/.test(id))).toEqual([]);
  }, 60_000);
});
