// The route error boundary: shown when a page throws or its code fails to download.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { MAIN_CONTENT_ID, SiteHeader } from '../components/SiteHeader.tsx';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'Unknown error';
}

/** Friendly error page with the error's message and ways to recover. */
export function ErrorPage() {
  const error = useRouteError();
  return (
    <>
      <title>Something went wrong · Scaling Lab</title>
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} className="page page-narrow">
        <h1>Something went wrong</h1>
        <p>The page could not be shown. Reloading often helps after the site was updated.</p>
        <p className="error-detail">
          <strong>Details:</strong> {describe(error)}
        </p>
        <p className="button-row">
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <Link to="/">Back to all lessons</Link>
        </p>
      </main>
    </>
  );
}
