import { useId, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useHref, useLocation } from 'react-router';
import { LESSON_SECTIONS } from './sectionList.ts';
import { scrollToSection } from './scrollToSection.ts';

interface TableOfContentsProps {
  /** The section on screen, marked in the list. */
  current: string;
  /** A sticky side column (wide screens), or a collapsible "On this page" at the top (narrow ones). */
  layout: 'side' | 'top';
}

/** The lesson's eleven sections, the one on screen marked; a link scrolls there and focuses its heading. */
export function TableOfContents({ current, layout }: TableOfContentsProps) {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const list = <SectionLinks current={current} onFollow={() => setOpen(false)} />;

  if (layout === 'side') {
    return (
      <nav className="lesson-toc is-side" aria-labelledby={headingId}>
        <h2 id={headingId} className="lesson-toc-title">
          On this page
        </h2>
        {list}
      </nav>
    );
  }
  return (
    <nav className="lesson-toc is-top" aria-labelledby={headingId}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="lesson-toc-summary">
          <span className="lesson-toc-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span id={headingId}>On this page</span>
          <span className="lesson-toc-now">
            <span className="visually-hidden">, now reading: </span>
            <span aria-hidden="true"> · </span>
            {LESSON_SECTIONS.find((section) => section.id === current)?.title}
          </span>
        </summary>
        {list}
      </details>
    </nav>
  );
}

function SectionLinks({ current, onFollow }: { current: string; onFollow: () => void }) {
  return (
    <ol className="lesson-toc-list">
      {LESSON_SECTIONS.map((section, index) => (
        <li key={section.id}>
          <SectionLink id={section.id} isCurrent={section.id === current} onFollow={onFollow}>
            <span className="lesson-toc-number" aria-hidden="true">
              {String(index + 1).padStart(2, '0')}
            </span>
            <span className="lesson-toc-text">{section.title}</span>
          </SectionLink>
        </li>
      ))}
    </ol>
  );
}

interface SectionLinkProps {
  id: string;
  isCurrent?: boolean;
  onFollow?: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A link to a section of this page. In a hash-routed site `#id` alone would be a route, so the
 * address holds the page's route (with the player's query) and the section; following it scrolls
 * without a navigation, keeping the Visual where it is.
 */
export function SectionLink({ id, isCurrent = false, onFollow, className, children }: SectionLinkProps) {
  const { pathname, search } = useLocation();
  const href = useHref({ pathname, search, hash: id });
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (document.getElementById(id) === null) return;
    event.preventDefault();
    // Close the list first: closing it after scrolling would move the section away again.
    if (onFollow !== undefined) flushSync(onFollow);
    scrollToSection(id);
  };
  return (
    <a
      href={href}
      className={[className ?? 'lesson-toc-link', isCurrent ? 'is-current' : ''].filter(Boolean).join(' ')}
      aria-current={isCurrent ? 'location' : undefined}
      onClick={follow}
    >
      {children}
    </a>
  );
}
