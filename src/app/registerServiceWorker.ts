import type { RouterState } from 'react-router';

/** The part of the hash router this needs: its state and a way to hear each navigation. */
export interface NavigatingRouter {
  readonly state: RouterState;
  subscribe(listener: (state: RouterState) => void): () => void;
}

/** The part of a service worker registration this needs. */
export interface UpdatableRegistration {
  readonly waiting: Pick<ServiceWorker, 'postMessage'> | null;
  update(): Promise<unknown>;
}

/** The part of `navigator.serviceWorker` this needs. */
export interface ServiceWorkers {
  readonly controller: unknown;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

/**
 * Kept in session storage across the reload an update makes, which always follows a move the
 * learner made: the page that loads then treats itself as reached by that move (AppLayout moves
 * focus to its heading, as after any other move).
 */
const MOVED_BEFORE_RELOAD = 'cachescope:moved-before-reload';

/** Reloads the page as the page the learner just moved to. */
function reloadAfterMove() {
  try {
    sessionStorage.setItem(MOVED_BEFORE_RELOAD, '1');
  } catch {
    // Storage refused: the page only loses the focus move.
  }
  window.location.reload();
}

/** Whether this page was loaded by such a reload; says so once. */
export function takeMoveBeforeReload(): boolean {
  try {
    const moved = sessionStorage.getItem(MOVED_BEFORE_RELOAD) !== null;
    sessionStorage.removeItem(MOVED_BEFORE_RELOAD);
    return moved;
  } catch {
    return false;
  }
}

/** How often, at most, a page looks for a new version while the learner moves around the site. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that vite-plugin-pwa builds as `sw.js` beside index.html
 * (vite.config.ts), which precaches the whole site so that it works offline after one visit.
 * Only in a production build with service workers: never under the dev server or the tests (jsdom
 * has no `navigator.serviceWorker`). It waits for the page's `load`, so that it never competes
 * with the page's own downloads. The URL is relative, so the site works from any folder.
 */
export function registerServiceWorker(router: NavigatingRouter): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then((registration) => updateOnNavigation(router, registration, navigator.serviceWorker))
      .catch((error: unknown) => {
        // The site works without it, only not offline.
        console.warn('CacheScope could not register its service worker:', error);
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * A new version never interrupts the learner. Its service worker installs beside the old one and
 * waits (the old one keeps serving the old files, lazy chunks included). When the learner next
 * moves to another page, the new one is told to take over, and once it controls the page, the page
 * is reloaded at its new address: nothing typed or run on the page before is lost, and the
 * lesson's place (its address and the progress kept in storage) stays as it was.
 *
 * When another tab lets a new version take over, this page's code is the old one, and the files it
 * has yet to load may be gone from the server: it reloads at its own next navigation too.
 *
 * The browser looks for a new version when a page of the site is opened. A tab that stays open
 * asks too, on a navigation at most once an hour. Returns the way to stop listening.
 */
export function updateOnNavigation(
  router: NavigatingRouter,
  registration: UpdatableRegistration,
  serviceWorkers: ServiceWorkers,
  { reload = reloadAfterMove, now = Date.now }: { reload?: () => void; now?: () => number } = {},
): () => void {
  let lastPage = router.state.location.pathname;
  let lastCheck = now();
  let updating = false;
  let outdated = false;
  let controlled = serviceWorkers.controller !== null;
  serviceWorkers.addEventListener('controllerchange', () => {
    if (updating) reload();
    // A page's first service worker takes control too (it claims the page): that is no update.
    else if (controlled) outdated = true;
    controlled = true;
  });
  return router.subscribe((state) => {
    // Another page, not another step of the same one (the player keeps its step in the query).
    if (state.navigation.state !== 'idle' || state.location.pathname === lastPage) return;
    lastPage = state.location.pathname;
    if (outdated) {
      reload();
      return;
    }
    const waiting = registration.waiting;
    if (waiting !== null && controlled) {
      updating = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
      return;
    }
    if (now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = now();
    // Offline, or the server is away: the next navigation after the next interval asks again.
    registration.update().catch(() => undefined);
  });
}
