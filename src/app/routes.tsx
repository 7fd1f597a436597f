import type { RouteObject } from 'react-router';
import { GlossaryPage, ReviewPage } from '../ui/pages/ComingSoonPage.tsx';
import { LessonsPage } from '../ui/pages/LessonsPage.tsx';
import { NotFoundPage } from '../ui/pages/NotFoundPage.tsx';
import { RoadmapPage } from '../ui/pages/RoadmapPage.tsx';
import { RouteErrorPage } from '../ui/pages/RouteErrorPage.tsx';
import { ScenariosPage } from '../ui/pages/ScenariosPage.tsx';
import { AppLayout } from './AppLayout.tsx';

/**
 * The site's pages. Shared by the hash router in main.tsx and by tests, which mount the same routes
 * in a memory router. The error boundary sits inside the layout so a failing page keeps the header.
 * The lesson, scenario player and playground pages are loaded on demand: they bring the engine and
 * the animation library, which the other pages do not need.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    hydrateFallbackElement: <p className="route-loading">Loading CacheScope…</p>,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <RoadmapPage /> },
          { path: 'lessons', element: <LessonsPage /> },
          {
            path: 'lessons/:lessonId',
            lazy: async () => ({ Component: (await import('../ui/pages/LessonPage.tsx')).LessonPage }),
          },
          { path: 'scenarios', element: <ScenariosPage /> },
          {
            path: 'scenarios/:lessonId',
            lazy: async () => ({
              Component: (await import('../ui/pages/ScenarioPlayerPage.tsx')).ScenarioPlayerPage,
            }),
          },
          { path: 'review', element: <ReviewPage /> },
          {
            path: 'playground',
            lazy: async () => ({
              Component: (await import('../ui/pages/PlaygroundPage.tsx')).PlaygroundPage,
            }),
          },
          {
            path: 'playground/lab',
            lazy: async () => ({ Component: (await import('../ui/pages/LabPage.tsx')).LabPage }),
          },
          { path: 'glossary', element: <GlossaryPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
