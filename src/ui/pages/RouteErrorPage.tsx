import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { Page } from './Page.tsx';

/** Shown instead of a blank screen if a page throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Page title="Something went wrong on this page">
      <p className="page-text">
        The page hit an unexpected problem and stopped. Your saved progress is not affected. Reloading often
        helps; if it does not, please report it along with the address from the address bar.
      </p>
      <p className="page-text">
        Details: <code>{detail}</code>
      </p>
      <p className="button-row">
        <Link to="/" className="button button-primary">
          Go to the roadmap
        </Link>
        <Link to="/lessons" className="button button-quiet">
          See all lessons
        </Link>
      </p>
    </Page>
  );
}
