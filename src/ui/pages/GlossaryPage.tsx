import { useEffect, useId, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { lessonTerms } from '../../content/lessonTerms.ts';
import { GlossaryEntries } from '../glossary/GlossaryEntries.tsx';
import { glossaryEntries, searchGlossary } from '../glossary/glossary.ts';
import { Page } from './Page.tsx';
import '../glossary/glossary.css';

/** `#/glossary`: every term of every lesson, alphabetical, searchable; `#/glossary#term-<slug>` opens at one. */
export function GlossaryPage() {
  const searchId = useId();
  const entries = useMemo(() => glossaryEntries(lessonTerms), []);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchGlossary(entries, query), [entries, query]);
  const { hash } = useLocation();
  const target = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;

  // A term link lands on its entry: shown even if a search was hiding it, scrolled to and focused
  // after the layout has put focus on the page's heading.
  const [landed, setLanded] = useState<string | null>(null);
  if (target !== landed) {
    setLanded(target);
    if (target !== null && query !== '' && !found.some((e) => e.anchor === target)) setQuery('');
  }
  useEffect(() => {
    if (target === null) return;
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(target);
      if (element === null) return;
      element.scrollIntoView?.({ block: 'center' });
      element.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [target]);

  const count =
    query.trim() === ''
      ? `${entries.length} terms`
      : found.length === 0
        ? `No term matches \u201c${query.trim()}\u201d.`
        : `${found.length} of ${entries.length} terms match \u201c${query.trim()}\u201d.`;

  return (
    <Page
      title="Glossary"
      lede="Every term the lessons use, in plain words, with the lesson that teaches it."
    >
      <div className="glossary-search" role="search">
        <label htmlFor={searchId}>Search the glossary</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="A term, or a word of its definition"
          autoComplete="off"
          spellCheck={false}
        />
        <p className="glossary-count" role="status">
          {count}
        </p>
      </div>
      {entries.length === 0 ? (
        <p>No lesson defines any terms yet.</p>
      ) : found.length === 0 ? (
        <p className="glossary-none">Try a shorter word, or clear the search to see every term.</p>
      ) : (
        <GlossaryEntries entries={found} target={target} />
      )}
    </Page>
  );
}
