import { useEffect, useState } from 'react';
import { highlightCode } from './highlighter.ts';
import type { CodeLanguage, HighlightedCode } from './highlighter.ts';

/**
 * The source's highlighted lines once the highlighter has loaded; null until then (or if it fails).
 * It starts only when `start` is true: the caller waits until the code is near the screen.
 */
export function useHighlightedCode(source: string, lang: CodeLanguage, start = true): HighlightedCode | null {
  const [result, setResult] = useState<{ source: string; lines: HighlightedCode } | null>(null);
  useEffect(() => {
    if (!start) return;
    let current = true;
    highlightCode(source, lang).then(
      (lines) => {
        if (current) setResult({ source, lines });
      },
      () => {
        // Plain text stays: the code is as readable, only without colours.
      },
    );
    return () => {
      current = false;
    };
  }, [source, lang, start]);
  return result?.source === source ? result.lines : null;
}
