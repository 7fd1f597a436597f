import { resolve } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../scripts/lib/contentSecurityPolicy.ts';

/**
 * Listeners shared by the security, hosting and offline tests: what left the site's origin, and
 * what the Content-Security-Policy refused.
 */

/** The folder the Playwright web server builds into (playwright.config.ts): `dist` + E2E_SUFFIX. */
export const BUILD_DIR = `dist${process.env.E2E_SUFFIX ?? ''}`;
/** The same folder, as an absolute path. */
export const BUILD_ROOT = resolve(import.meta.dirname, '../../..', BUILD_DIR);

/**
 * Every request of the context (its pages, their workers and the service worker) whose origin is
 * not `origin`. data: and blob: URLs stay inside the page, so they are fine.
 */
export function watchForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) foreign.push(request.url());
  });
  return foreign;
}

const CSP_MESSAGE = /Content.Security.Policy|securitypolicyviolation/i;

/**
 * Every Content-Security-Policy violation on the page and in its workers: the browser's own console
 * errors ("Refused to … because it violates the following Content Security Policy directive"), and
 * each `securitypolicyviolation` event, which an init script reports on the console, since a page's
 * own variables do not survive a reload.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ` +
          `at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const record = (message: ConsoleMessage) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(message.text());
  };
  page.on('console', record);
  page.on('worker', (worker) => worker.on('console', record));
  return violations;
}

/**
 * Serves every document the page opens with the site's Content-Security-Policy as a header too, as
 * a host may send it: the browser then enforces both it and the page's own <meta>, and the header
 * also forbids framing.
 */
export async function serveWithPolicyHeader(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY_HEADER },
    });
  });
}

/** Uncaught errors on the page: a policy that breaks the site often shows up as one. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}
