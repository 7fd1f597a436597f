import './lessonParts.ts';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { routes } from '../../src/app/routes.tsx';

/**
 * Mounts the real site at `path` (what follows `#` in the browser), in a memory router so tests
 * can read the address the app navigated to.
 */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<RouterProvider router={router} />);
  return {
    ...view,
    router,
    /** The query string the page is showing now, as URLSearchParams. */
    currentParams: () => new URLSearchParams(router.state.location.search),
  };
}
