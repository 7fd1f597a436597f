import type { LabWorkerPort } from './labProtocol.ts';

/**
 * A new lab worker. The `new URL(…, import.meta.url)` form is what Vite recognises: the build emits
 * the worker as its own same-origin file, which a strict CSP (`worker-src` falls back to
 * `script-src 'self'`) allows. Null when the browser has no workers (and in jsdom).
 */
export function createLabWorker(): LabWorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./labWorker.ts', import.meta.url), { type: 'module', name: 'lab' });
}
