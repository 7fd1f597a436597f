import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createHashRouter } from 'react-router';
import { registerServiceWorker } from './registerServiceWorker.ts';
import { routes } from './routes.tsx';
import './styles/tokens.css';
import './styles/base.css';

// Hash routing: the site is static files, so every address must resolve to index.html.
const router = createHashRouter(routes);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);

// Offline support: does nothing under the dev server and the tests.
registerServiceWorker(router);
