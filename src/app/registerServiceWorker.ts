/// <reference types="vite-plugin-pwa/vanillajs" />
import type { RouterState } from 'react-router';

/** The part of the hash router this needs: its state and a way to hear each navigation. */
export interface NavigatingRouter {
  readonly state: RouterState;
  subscribe(listener: (state: RouterState) => void): () => void;
}

/**
 * Registers the service worker that vite-plugin-pwa builds (vite.config.ts), which precaches the
 * whole site so that it works offline after one visit. Only in a production build with service
 * workers: never under the dev server or the tests (jsdom has no `navigator.serviceWorker`).
 *
 * A new version never interrupts the learner. Its service worker installs beside the old one and
 * waits (the old one keeps serving the old files, lazy chunks included); once the learner has
 * moved to another page, the new one takes over and that page is reloaded at the same address,
 * so nothing typed or run on the page before is lost, and the lesson's place (its address and the
 * progress kept in storage) stays as it was.
 */
export function registerServiceWorker(router: NavigatingRouter): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    let updateWaiting = false;
    let lastKey = router.state.location.key;
    const updateSW = registerSW({
      onNeedRefresh() {
        updateWaiting = true;
      },
      onRegisterError(error: unknown) {
        // The site works without it, only not offline.
        console.warn('CacheScope could not register its service worker:', error);
      },
    });
    router.subscribe((state) => {
      if (state.navigation.state !== 'idle' || state.location.key === lastKey) return;
      lastKey = state.location.key;
      // Activates the waiting worker, which reloads the page (at its new address) once it controls it.
      if (updateWaiting) void updateSW(true);
    });
  });
}
