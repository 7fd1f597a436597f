import { useEffect, useRef } from 'react';
import type { MouseEvent, RefObject } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { StorageNotices } from '../ui/data/StorageNotices.tsx';
import { useDueCount } from '../ui/review/useDueCount.ts';
import { Logo } from './Logo.tsx';
import { takeMoveBeforeReload } from './registerServiceWorker.ts';
import './AppLayout.css';

const NAVIGATION = [
  { to: '/', label: 'Roadmap', end: true },
  { to: '/lessons', label: 'Lessons', end: false },
  { to: '/scenarios', label: 'Scenarios', end: false },
  { to: '/review', label: 'Review', end: false },
  { to: '/playground', label: 'Playground', end: false },
  { to: '/glossary', label: 'Glossary', end: false },
] as const;

/** Header, navigation and footer around every page. */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(mainRef);
  const review = useDueCount('Review');

  // In a hash-routed site `href="#main"` would be a route, so the skip link moves focus itself.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand-name">CacheScope</span>
          </Link>
          <nav className="site-nav" aria-label="Main">
            <ul>
              {NAVIGATION.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className="site-nav-link"
                    aria-label={item.to === '/review' ? review.name : undefined}
                  >
                    {item.label}
                    {item.to === '/review' && review.count > 0 ? (
                      <span className="nav-count" aria-hidden="true">
                        {review.count}
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main-content" className="site-main" ref={mainRef} tabIndex={-1}>
        <StorageNotices />
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          CacheScope runs entirely in your browser: no accounts, no tracking, nothing sent anywhere.{' '}
          <Link to="/data">Your data</Link>
        </p>
      </footer>
    </div>
  );
}

/**
 * After moving to another page, put focus on its h1 so screen reader and keyboard users start at
 * the new content instead of wherever the old page left them. Only the path counts: the player
 * rewrites the query string on every step and must not steal focus. A page loaded by the reload a
 * new version makes at such a move (registerServiceWorker.ts) counts as moved to, as well.
 */
function useFocusHeadingOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const shownPath = useRef<string | undefined>(undefined);
  useEffect(() => {
    const first = shownPath.current === undefined;
    const moved = first ? takeMoveBeforeReload() : shownPath.current !== pathname;
    shownPath.current = pathname;
    if (!moved) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, mainRef]);
}
