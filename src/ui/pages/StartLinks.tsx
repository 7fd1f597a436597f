import { Link } from 'react-router';
import { curriculum } from '../../content/index.ts';

/** Where to go from a page that has nothing to show yet: the first written lesson, or the list. */
export function StartLinks() {
  const first = curriculum.find((entry) => entry.available);
  return (
    <p className="button-row">
      {first === undefined ? null : (
        <Link to={`/lessons/${first.id}`} className="button button-primary">
          Open the {first.title} lesson
        </Link>
      )}
      <Link to="/lessons" className="button button-quiet">
        See all lessons
      </Link>
    </p>
  );
}
