import { Link, useParams } from 'react-router';
import { ScenarioPlayer } from '../lesson/ScenarioPlayer.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Page } from './Page.tsx';
import { phaseTitle } from './phases.ts';
import { scenarioShelf } from './scenarioCatalogue.ts';
import './scenarios.css';

/**
 * `#/scenarios/:lessonId`: one lesson's scenarios in the step player, before (or beside) the lesson
 * itself. The scenarios have no code sample of their own, so the player shows none.
 */
export function ScenarioPlayerPage() {
  const { lessonId = '' } = useParams();
  const shelf = scenarioShelf(lessonId);
  if (shelf === undefined) {
    return <NotFoundPage reason={`There are no scenarios for a lesson called \u201c${lessonId}\u201d.`} />;
  }
  return (
    <Page
      title={`${shelf.title} \u2014 scenarios`}
      eyebrow={
        <>
          <Link to="/scenarios">All scenarios</Link>
          {shelf.phase === null ? null : ` \u00b7 Phase ${shelf.phase} \u00b7 ${phaseTitle(shelf.phase)}`}
        </>
      }
      lede={
        <>
          {shelf.summary}{' '}
          {shelf.lessonAvailable ? (
            <Link to={`/lessons/${shelf.lessonId}`}>Read the {shelf.title} lesson</Link>
          ) : (
            'The lesson that explains these runs is not written yet.'
          )}
        </>
      }
      wide
    >
      {/* The player's tables are h3s, as under the lesson page's "Visual": give them their h2. */}
      <section aria-labelledby="scenario-player-heading">
        <h2 id="scenario-player-heading" className="visually-hidden">
          Step through a scenario
        </h2>
        <ScenarioPlayer scenarios={shelf.scenarios} />
      </section>
    </Page>
  );
}
