import type { RouteObject } from 'react-router';
import { LessonsPage } from '../ui/pages/LessonsPage.tsx';
import { NotFoundPage } from '../ui/pages/NotFoundPage.tsx';
import { RoadmapPage } from '../ui/pages/RoadmapPage.tsx';
import { RouteErrorPage } from '../ui/pages/RouteErrorPage.tsx';
import { loadLesson } from '../content/lessons/load.ts';
import { loadWrittenLessons } from '../ui/review/lessonData.ts';
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
            // The page and its one lesson load side by side; the loader's null is "no such lesson".
            // The player keeps its step in the address: only another lesson needs loading.
            path: 'lessons/:lessonId',
            loader: async ({ params }) => (await loadLesson(params.lessonId ?? '')) ?? null,
            shouldRevalidate: ({ currentParams, nextParams }) =>
              currentParams.lessonId !== nextParams.lessonId,
            lazy: async () => ({ Component: (await import('../ui/pages/LessonPage.tsx')).LessonPage }),
          },
          {
            path: 'scenarios',
            lazy: async () => ({ Component: (await import('../ui/pages/ScenariosPage.tsx')).ScenariosPage }),
          },
          {
            path: 'scenarios/:lessonId',
            lazy: async () => ({
              Component: (await import('../ui/pages/ScenarioPlayerPage.tsx')).ScenarioPlayerPage,
            }),
          },
          {
            // Loaded on demand: the cards bring ts-fsrs and the animation library; all the lessons come
            // with them, so the page opens with its cards.
            path: 'review',
            lazy: async () => {
              const [page] = await Promise.all([import('../ui/pages/ReviewPage.tsx'), loadWrittenLessons()]);
              return { Component: page.ReviewPage };
            },
          },
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
          {
            path: 'glossary',
            lazy: async () => ({ Component: (await import('../ui/pages/GlossaryPage.tsx')).GlossaryPage }),
          },
          {
            path: 'data',
            lazy: async () => ({ Component: (await import('../ui/data/DataPage.tsx')).DataPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
