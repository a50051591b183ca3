// Route table for the app. Every page is loaded lazily, so the home page never pays for the
// lesson views (and their charts) until a lesson is opened.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { PageLoading } from './pages/PageLoading.tsx';

const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const LessonPage = lazy(() => import('./pages/LessonPage.tsx'));
const EmbedPage = lazy(() => import('./pages/EmbedPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

/** Shared frame of every route: a loading state while a page's code arrives. */
function RootLayout() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

/** Serves the app from a sub-path when Vite's `base` is an absolute path such as `/lab/`. */
function routerBasename(): string | undefined {
  const base = import.meta.env.BASE_URL;
  if (!base.startsWith('/') || base === '/') return undefined;
  return base.replace(/\/$/, '');
}

const basename = routerBasename();

const router = createBrowserRouter(
  [
    {
      element: <RootLayout />,
      errorElement: <ErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'lessons/:lessonId', element: <LessonPage /> },
        { path: 'embed/:lessonId', element: <EmbedPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  basename === undefined ? {} : { basename },
);

/** The whole application: the router over the route table above. */
export function App() {
  return <RouterProvider router={router} />;
}
