import type { HighlighterCore } from 'shiki/core';

/**
 * Syntax highlighting with Shiki, loaded only when code is shown: the core, the JavaScript regex
 * engine (no WebAssembly), the TypeScript grammar (SQL's only when SQL is shown) and one light and
 * one dark theme, all bundled from
 * the site's own files (no CDN: the site runs offline under a strict CSP). Each token carries both
 * themes' colours as CSS custom properties; the stylesheet picks one by prefers-color-scheme.
 */
export const LIGHT_THEME = 'github-light-default';
export const DARK_THEME = 'github-dark-default';

/**
 * Colours raised to at least 4.5:1 against the code background and the highlighted line in both
 * themes (WCAG AA): the themes' comment grey and the light theme's purple are a little too faint.
 */
const COLOR_REPLACEMENTS = {
  [LIGHT_THEME]: { '#6e7781': '#59636e', '#8250df': '#6639ba' },
  [DARK_THEME]: { '#8b949e': '#9da7b3' },
};

/**
 * A piece of a line and its colours (`--shiki-light`, `--shiki-dark`, and font styles if any);
 * null for text in the code's own colour (whitespace, punctuation), which needs no element.
 */
export interface CodeToken {
  content: string;
  style: Record<string, string> | null;
}

export type HighlightedCode = CodeToken[][];

export type CodeLanguage = 'typescript' | 'sql';

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

/** Code as lines of coloured tokens, one line per line of `source`. */
export async function highlightCode(source: string, lang: CodeLanguage): Promise<HighlightedCode> {
  const core = await loadHighlighter();
  await loadLanguage(core, lang);
  const { tokens, fg } = core.codeToTokens(source, {
    lang,
    themes: { light: LIGHT_THEME, dark: DARK_THEME },
    defaultColor: false,
    colorReplacements: COLOR_REPLACEMENTS,
  });
  // `fg` reads `--shiki-light:#…;--shiki-dark:#…`: the colours of plain text.
  const plain = styleKey(Object.fromEntries((fg ?? '').split(';').map((pair) => pair.split(':'))));
  // Fewer elements make a long page lighter: plain text and whitespace get none, and neighbours
  // of one colour share one.
  return tokens.map((line) => {
    const merged: CodeToken[] = [];
    for (const token of line) {
      const style = Object.fromEntries(
        Object.entries(token.htmlStyle ?? {}).filter(([name]) => name.startsWith('--shiki-')),
      );
      const own = token.content.trim() === '' || styleKey(style) === plain ? null : style;
      const last = merged.at(-1);
      if (last !== undefined && styleKey(last.style) === styleKey(own)) last.content += token.content;
      else merged.push({ content: token.content, style: own });
    }
    return merged;
  });
}

function styleKey(style: Record<string, string> | null | undefined): string {
  if (style === null || style === undefined) return '';
  return Object.entries(style)
    .map(([name, value]) => `${name.trim()}:${value.trim().toLowerCase()}`)
    .sort()
    .join(';');
}
