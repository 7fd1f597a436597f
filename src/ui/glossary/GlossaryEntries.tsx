import { useMemo } from 'react';
import { Link } from 'react-router';
import { ProseText } from '../lesson/Prose.tsx';
import { useTermMatcher } from './GlossaryContext.tsx';
import type { GlossaryEntry } from './glossary.ts';
import { proseBlocks } from './proseSegments.ts';

/** Entries grouped under their first letter, each with its definition and the lesson that teaches it. */
export function GlossaryEntries({
  entries,
  target,
}: {
  entries: readonly GlossaryEntry[];
  target: string | null;
}) {
  const groups = useMemo(() => {
    const byLetter = new Map<string, GlossaryEntry[]>();
    for (const entry of entries) {
      const letter = /[a-z]/i.test(entry.term[0] ?? '') ? (entry.term[0] ?? '#').toUpperCase() : '#';
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
    }
    return [...byLetter.entries()];
  }, [entries]);

  return (
    <div className="glossary-groups">
      {groups.map(([letter, group]) => (
        <section key={letter} className="glossary-group" aria-labelledby={`glossary-letter-${letter}`}>
          <h2 id={`glossary-letter-${letter}`} className="glossary-letter">
            {letter}
          </h2>
          <dl className="glossary-list">
            {group.map((entry) => (
              <GlossaryItem key={entry.anchor} entry={entry} isTarget={entry.anchor === target} />
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function GlossaryItem({ entry, isTarget }: { entry: GlossaryEntry; isTarget: boolean }) {
  const matcher = useTermMatcher();
  // Other terms in a definition link to their entries; the term itself does not link to itself.
  const [segments = []] = useMemo(
    () => proseBlocks([entry.definition], matcher, new Set([entry.term.toLowerCase()])),
    [entry, matcher],
  );
  return (
    <div id={entry.anchor} className={isTarget ? 'glossary-entry is-target' : 'glossary-entry'} tabIndex={-1}>
      <dt className="glossary-term">{entry.term}</dt>
      <dd className="glossary-definition">
        <p>
          <ProseText segments={segments} />
        </p>
        <p className="glossary-taught">
          Taught in{' '}
          <Link to={`/lessons/${entry.lessonId}#terms`}>
            {entry.lessonTitle} <span className="visually-hidden">(the lesson{'\u2019'}s terms)</span>
          </Link>
        </p>
      </dd>
    </div>
  );
}
