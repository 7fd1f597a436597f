/**
 * Builds the site with the project's own Vite config into a folder of its own (a fresh temporary
 * one by default), so a measuring script never touches dist/ while other work uses it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, whatever the working directory. */
const ROOT = resolve(import.meta.dirname, '../..');

export interface Build {
  dir: string;
  /** Removes the folder when it was a temporary one. */
  dispose(): void;
}

/** Runs `vite build --outDir <folder>`; throws with Vite's output when the build fails. */
export function buildSite(prefix = 'cachescope-build-'): Build {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const started = Date.now();
  process.stderr.write(`building the site into ${dir} …\n`);
  const result = spawnSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The folder to measure: an existing build with `--no-build` (`--dir`, or dist/), else a fresh one. */
export function siteFolder(noBuild: boolean, dir: string | undefined, prefix?: string): Build {
  if (noBuild) return { dir: dir ?? 'dist', dispose: () => {} };
  return buildSite(prefix);
}
