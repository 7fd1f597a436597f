import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installMatchMedia, resetMedia } from './media.ts';

// The lesson page loads the engine lazily; on a busy two-core CI machine that can take more than
// Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

installMatchMedia();
// jsdom does not lay out or scroll; the app calls scrollTo when a page changes.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  resetMedia();
  localStorage.clear();
});
