// The page for any address the app does not know, including unknown lesson ids.
import { Link } from 'react-router';
import { MAIN_CONTENT_ID, SiteHeader } from '../components/SiteHeader.tsx';

/** "Page not found" with a link back to the catalogue. */
export default function NotFoundPage() {
  return (
    <>
      <title>Page not found · Scaling Lab</title>
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} className="page page-narrow">
        <h1>Page not found</h1>
        <p>There is no page at this address. The lesson may have moved, or the link has a typo.</p>
        <p>
          <Link to="/">See all lessons</Link>
        </p>
      </main>
    </>
  );
}
