/**
 * How an open page takes a new version (src/app/registerServiceWorker.ts): never in the middle of
 * a page, only when the learner moves to another; and a tab left open looks for one now and then.
 * The browser's parts are fakes here; tests/e2e/update.spec.ts runs the real thing.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RouterState } from 'react-router';
import {
  UPDATE_CHECK_INTERVAL_MS,
  updateOnNavigation,
  type NavigatingRouter,
} from '../../src/app/registerServiceWorker.ts';

function fakeRouter() {
  const listeners = new Set<(state: RouterState) => void>();
  let state = {
    location: { pathname: '/first', search: '' },
    navigation: { state: 'idle' },
  } as unknown as RouterState;
  const router: NavigatingRouter = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (pathname: string, navigation: 'idle' | 'loading' = 'idle', search = '') => {
    state = { location: { pathname, search }, navigation: { state: navigation } } as unknown as RouterState;
    for (const listener of listeners) listener(state);
  };
  return { router, emit, listeners };
}

function fakeBrowser({ controlled = true } = {}) {
  const waitingWorker = { postMessage: vi.fn() };
  const registration = {
    waiting: null as typeof waitingWorker | null,
    update: vi.fn(() => Promise.resolve()),
  };
  const changeListeners: (() => void)[] = [];
  const serviceWorkers = {
    controller: controlled ? {} : null,
    addEventListener: (_type: 'controllerchange', listener: () => void) => changeListeners.push(listener),
  };
  const controllerChange = () => changeListeners.forEach((listener) => listener());
  return { waitingWorker, registration, serviceWorkers, controllerChange };
}

describe('updateOnNavigation', () => {
  it('tells a waiting version to take over at the next page, and reloads once it controls the page', () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser();
    const reload = vi.fn();
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, { reload });

    browser.registration.waiting = browser.waitingWorker;
    expect(browser.waitingWorker.postMessage).not.toHaveBeenCalled(); // not in the middle of a page
    emit('/second', 'loading');
    expect(browser.waitingWorker.postMessage).not.toHaveBeenCalled(); // not before the page is there
    emit('/second');
    expect(browser.waitingWorker.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'SKIP_WAITING' });
    expect(reload).not.toHaveBeenCalled();
    browser.controllerChange();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('does not reload when the first service worker takes control of the page', () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser({ controlled: false });
    const reload = vi.fn();
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, { reload });
    browser.controllerChange();
    expect(reload).not.toHaveBeenCalled();
    emit('/second');
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads at the next navigation when another tab let a new version take over', () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser();
    const reload = vi.fn();
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, { reload });
    browser.controllerChange();
    expect(reload).not.toHaveBeenCalled(); // not in the middle of a page
    emit('/second');
    expect(reload).toHaveBeenCalledOnce();
  });

  it('leaves a waiting version alone on a page no service worker controls (it loaded from the network)', () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser({ controlled: false });
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, { reload: vi.fn() });
    browser.registration.waiting = browser.waitingWorker;
    emit('/second');
    expect(browser.waitingWorker.postMessage).not.toHaveBeenCalled();
  });

  it('ignores a router update that stays on the page, such as the player writing its step', () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser();
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, { reload: vi.fn() });
    browser.registration.waiting = browser.waitingWorker;
    emit('/first');
    emit('/first', 'idle', '?step=3');
    expect(browser.waitingWorker.postMessage).not.toHaveBeenCalled();
  });

  it('looks for a new version on a navigation at most once an hour, and shrugs off a failed look', async () => {
    const { router, emit } = fakeRouter();
    const browser = fakeBrowser();
    let time = 1_000_000;
    updateOnNavigation(router, browser.registration, browser.serviceWorkers, {
      reload: vi.fn(),
      now: () => time,
    });

    time += UPDATE_CHECK_INTERVAL_MS - 1;
    emit('/a');
    expect(browser.registration.update).not.toHaveBeenCalled();
    time += 1;
    browser.registration.update.mockImplementationOnce(() => Promise.reject(new TypeError('offline')));
    emit('/b');
    expect(browser.registration.update).toHaveBeenCalledOnce();
    await Promise.resolve(); // the rejection is handled: vitest fails a run on an unhandled one
    emit('/c');
    expect(browser.registration.update).toHaveBeenCalledOnce();
    time += UPDATE_CHECK_INTERVAL_MS;
    emit('/d');
    expect(browser.registration.update).toHaveBeenCalledTimes(2);
  });

  it('stops listening when asked', () => {
    const { router, listeners } = fakeRouter();
    const browser = fakeBrowser();
    const stop = updateOnNavigation(router, browser.registration, browser.serviceWorkers, {
      reload: vi.fn(),
    });
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
