import { useEffect } from 'react';
import type { ReactNode } from 'react';
import './pages.css';

interface PageProps {
  /** The page's one h1; route changes move focus here (see the app layout). */
  title: string;
  /** The browser tab's title, when it should differ from the heading. */
  documentTitle?: string;
  /** A short line above the heading, e.g. the lesson's phase. */
  eyebrow?: ReactNode;
  lede?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}

export const SITE_NAME = 'CacheScope';

export function Page({ title, documentTitle, eyebrow, lede, children, wide = false }: PageProps) {
  const tabTitle = documentTitle ?? `${title} \u00b7 ${SITE_NAME}`;
  useEffect(() => {
    document.title = tabTitle;
  }, [tabTitle]);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <header className="page-header">
        {eyebrow === undefined ? null : <p className="page-eyebrow">{eyebrow}</p>}
        <h1 className="page-title" tabIndex={-1}>
          {title}
        </h1>
        {lede === undefined ? null : <p className="page-lede">{lede}</p>}
      </header>
      {children}
    </div>
  );
}
