// The site chrome above every full page: a skip link and the brand link back to the catalogue.
import { Link } from 'react-router';

/** Id of the element the skip link jumps to; pages put it on their `<main>`. */
export const MAIN_CONTENT_ID = 'main-content';

/** Site header with a "skip to content" link and a link to the home page. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to content
      </a>
      <Link className="site-brand" to="/">
        <span className="site-brand-mark" aria-hidden="true">
          ◆
        </span>
        Scaling Lab
      </Link>
      <nav aria-label="Site">
        <Link to="/">All lessons</Link>
      </nav>
    </header>
  );
}
