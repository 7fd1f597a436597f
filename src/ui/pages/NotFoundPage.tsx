import { Link, useLocation } from 'react-router';
import { Page } from './Page.tsx';

interface NotFoundPageProps {
  /** A more specific explanation, e.g. for an unknown lesson id. */
  reason?: string;
}

/** For any address the site has no page for: say so, show the address, and offer ways back. */
export function NotFoundPage({ reason }: NotFoundPageProps) {
  const { pathname } = useLocation();
  return (
    <Page title="Page not found" eyebrow="Error 404">
      <p className="page-text">
        {reason ?? (
          <>
            There is no page at <code className="inline-path">{pathname}</code>. The link may have a typo, or
            the page may have moved.
          </>
        )}
      </p>
      <nav className="panel" aria-labelledby="not-found-ways">
        <h2 id="not-found-ways">Where to go from here</h2>
        <ul className="plain-list link-list">
          <li>
            <Link to="/">Roadmap</Link>: the whole course at a glance.
          </li>
          <li>
            <Link to="/lessons">Lessons</Link>: every lesson, by phase.
          </li>
          <li>
            <Link to="/lessons/cache-aside">Cache-aside</Link>: the first lesson.
          </li>
          <li>
            <Link to="/scenarios">Scenarios</Link>: every recorded run, to step through.
          </li>
        </ul>
      </nav>
    </Page>
  );
}
