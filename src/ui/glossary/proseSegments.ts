import type { GlossaryEntry } from './glossary.ts';

/**
 * Lesson prose is plain text: `backticks` mark inline code, and glossary terms become links. This
 * splits a text into the pieces the page renders as React elements, never as HTML.
 */
export type ProseSegment =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'term'; text: string; entry: GlossaryEntry };

export interface TermMatcher {
  /** Every term, longest first so `session store` wins over `session`; null when there are none. */
  pattern: RegExp | null;
  byKey: ReadonlyMap<string, GlossaryEntry>;
}

// A term is a whole word: no letter, digit, underscore or hyphen on either side (so `cache` is not
// found inside `cache-aside`).
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}_-])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}_-])';

export function termMatcher(entries: readonly GlossaryEntry[]): TermMatcher {
  const byKey = new Map(entries.map((entry) => [entry.term.toLowerCase(), entry]));
  if (byKey.size === 0) return { pattern: null, byKey };
  const alternatives = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return {
    pattern: new RegExp(`${WORD_EDGE_BEFORE}(?:${alternatives.join('|')})${WORD_EDGE_AFTER}`, 'giu'),
    byKey,
  };
}

/** Splits on `backticks`; a lone backtick stays as text. */
function codeSpans(text: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'code', text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/**
 * The segments of several texts read in order (a section's paragraphs): each glossary term is
 * linked at its first occurrence only, outside code. Terms in `unlinked` are never linked (a term
 * in its own definition).
 */
export function proseBlocks(
  texts: readonly string[],
  matcher: TermMatcher,
  unlinked: ReadonlySet<string> = new Set(),
): ProseSegment[][] {
  const linked = new Set(unlinked);
  return texts.map((text) =>
    codeSpans(text).flatMap((segment): ProseSegment[] => {
      if (segment.kind !== 'text' || matcher.pattern === null) return [segment];
      const pieces: ProseSegment[] = [];
      let last = 0;
      for (const match of segment.text.matchAll(matcher.pattern)) {
        const key = match[0].toLowerCase();
        const entry = matcher.byKey.get(key);
        if (entry === undefined || linked.has(key)) continue;
        linked.add(key);
        if (match.index > last) pieces.push({ kind: 'text', text: segment.text.slice(last, match.index) });
        pieces.push({ kind: 'term', text: match[0], entry });
        last = match.index + match[0].length;
      }
      if (last < segment.text.length) pieces.push({ kind: 'text', text: segment.text.slice(last) });
      return pieces;
    }),
  );
}

/** All the words a reader reads in a text: code spans count, backticks do not. */
export function plainText(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1');
}
