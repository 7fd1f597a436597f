import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTermMatcher } from '../glossary/GlossaryContext.tsx';
import { proseBlocks } from '../glossary/proseSegments.ts';
import type { ProseSegment, TermMatcher } from '../glossary/proseSegments.ts';

/**
 * Renders lesson prose (plain text; see content/lessonSchema.ts) as React text: `backticks` become
 * <code>, and glossary terms link to their Glossary entry. Nothing is ever parsed as HTML.
 */
export function ProseText({ segments }: { segments: readonly ProseSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        switch (segment.kind) {
          case 'code':
            return <code key={index}>{segment.text}</code>;
          case 'term':
            return (
              <Link key={index} className="term-link" to={`/glossary#${segment.entry.anchor}`}>
                {segment.text}
              </Link>
            );
          default:
            return segment.text;
        }
      })}
    </>
  );
}

/** The segments of a section's texts, each glossary term linked at its first occurrence in them. */
export function useProseBlocks(
  texts: readonly string[],
  { linkTerms = true }: { linkTerms?: boolean } = {},
): ProseSegment[][] {
  const matcher = useTermMatcher();
  const key = texts.join('\u0000');
  return useMemo(
    () => proseBlocks(texts, linkTerms ? matcher : NO_TERMS),
    // The texts' content is the key: a new array with the same text is the same prose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, matcher, linkTerms],
  );
}

const NO_TERMS: TermMatcher = { pattern: null, byKey: new Map() };

/** One text on its own, its terms linked at their first occurrence in it. */
export function Prose({ text }: { text: string }) {
  const [segments = []] = useProseBlocks([text]);
  return <ProseText segments={segments} />;
}

/** Paragraphs read in order, as one section: a term is linked once, where it first appears. */
export function ProseParagraphs({ texts, className }: { texts: readonly string[]; className?: string }) {
  const blocks = useProseBlocks(texts);
  return (
    <>
      {blocks.map((segments, index) => (
        <p key={index} className={className} data-read-aloud="">
          <ProseText segments={segments} />
        </p>
      ))}
    </>
  );
}
