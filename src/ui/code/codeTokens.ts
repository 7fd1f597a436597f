import type { HighlighterCore } from 'shiki/core';

/**
 * Shiki's tokens as the site shows them, for the page and the highlighting worker alike (this file
 * loads no Shiki code itself). One light and one dark theme: each token carries both themes'
 * colours as CSS custom properties; the stylesheet picks one by prefers-color-scheme.
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

/** The highlighter's options for both themes: each token carries both colours. */
export const TOKEN_OPTIONS = {
  themes: { light: LIGHT_THEME, dark: DARK_THEME },
  defaultColor: false,
  colorReplacements: COLOR_REPLACEMENTS,
} as const;

/** Shiki's tokens for `source`, merged into CodeTokens (in the worker, or on the page without one). */
export function toCodeTokens(core: HighlighterCore, source: string, lang: CodeLanguage): HighlightedCode {
  const { tokens, fg } = core.codeToTokens(source, { lang, ...TOKEN_OPTIONS });
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

/** A request to the highlighting worker, and its answer. */
export interface HighlightRequest {
  id: number;
  source: string;
  lang: CodeLanguage;
}
export type HighlightReply = { id: number; lines: HighlightedCode } | { id: number; error: string };

function styleKey(style: Record<string, string> | null | undefined): string {
  if (style === null || style === undefined) return '';
  return Object.entries(style)
    .map(([name, value]) => `${name.trim()}:${value.trim().toLowerCase()}`)
    .sort()
    .join(';');
}
