import type { HighlighterCore } from 'shiki/core';
import { toCodeTokens } from './codeTokens.ts';
import type { CodeLanguage, HighlightedCode, HighlightReply, HighlightRequest } from './codeTokens.ts';

export { DARK_THEME, LIGHT_THEME } from './codeTokens.ts';
export type { CodeLanguage, CodeToken, HighlightedCode } from './codeTokens.ts';

/**
 * Syntax highlighting with Shiki, loaded only when code is shown: the core, the JavaScript regex
 * engine (no WebAssembly), the TypeScript grammar (SQL's only when SQL is shown) and one light and
 * one dark theme, all bundled from
 * the site's own files (no CDN: the site runs offline under a strict CSP). Each token carries both
 * themes' colours as CSS custom properties; the stylesheet picks one by prefers-color-scheme.
 * In the browser the work runs in a worker (see highlightCode); without one, on the page.
 */

/** The language of a file shown on the site, from its name. */
export function languageOf(path: string): CodeLanguage {
  return path.endsWith('.sql') ? 'sql' : 'typescript';
}

let highlighter: Promise<HighlighterCore> | null = null;

export function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, typescript, light, dark] =
      await Promise.all([
        import('shiki/core'),
        import('shiki/engine/javascript'),
        import('shiki/langs/typescript.mjs'),
        import('shiki/themes/github-light-default.mjs'),
        import('shiki/themes/github-dark-default.mjs'),
      ]);
    return createHighlighterCore({
      themes: [light.default, dark.default],
      langs: [typescript.default],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  // A failed load (offline before the chunk was cached) may be tried again later.
  highlighter.catch(() => {
    highlighter = null;
  });
  return highlighter;
}

let sqlGrammar: Promise<void> | null = null;

async function loadLanguage(core: HighlighterCore, lang: CodeLanguage): Promise<void> {
  if (lang === 'typescript') return;
  sqlGrammar ??= import('shiki/langs/sql.mjs').then((sql) => core.loadLanguage(sql.default));
  sqlGrammar.catch(() => {
    sqlGrammar = null;
  });
  await sqlGrammar;
}

/** Code as lines of coloured tokens, highlighted in this thread. */
export async function highlightHere(source: string, lang: CodeLanguage): Promise<HighlightedCode> {
  const core = await loadHighlighter();
  await loadLanguage(core, lang);
  return toCodeTokens(core, source, lang);
}

/**
 * Highlighting a file takes Shiki's JavaScript regex engine a second or more of CPU the first time
 * (it compiles the grammar's Oniguruma patterns): in a worker (highlightWorker.ts), so the page
 * stays responsive while it loads. The worker is the same-origin file Vite emits, which the CSP's
 * `worker-src 'self'` allows. Null when there are no workers (jsdom) or the worker failed.
 */
let worker: Worker | null | undefined;
const pending = new Map<number, { resolve(lines: HighlightedCode): void; reject(error: Error): void }>();
let nextId = 0;

function highlightWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./highlightWorker.ts', import.meta.url), {
      type: 'module',
      name: 'highlight',
    });
  } catch {
    return (worker = null);
  }
  worker.onmessage = ({ data }: MessageEvent<HighlightReply>) => {
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (waiting === undefined) return;
    if ('lines' in data) waiting.resolve(data.lines);
    else waiting.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    // The worker could not start (or died): stop using it; what waits is highlighted here.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const waiting of pending.values()) waiting.reject(new Error('the highlighting worker failed'));
    pending.clear();
  };
  return worker;
}

/** Code as lines of coloured tokens, one line per line of `source`. */
export async function highlightCode(source: string, lang: CodeLanguage): Promise<HighlightedCode> {
  const port = highlightWorker();
  if (port === null) return highlightHere(source, lang);
  const id = nextId++;
  try {
    return await new Promise<HighlightedCode>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.postMessage({ id, source, lang } satisfies HighlightRequest);
    });
  } catch {
    return highlightHere(source, lang);
  }
}
