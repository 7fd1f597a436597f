import { useId } from 'react';
import { Link } from 'react-router';
import { Page } from './Page.tsx';
import { phaseTitle } from './phases.ts';
import { scenarioHref, scenarioShelves } from './scenarioCatalogue.ts';
import type { ScenarioShelf } from './scenarioCatalogue.ts';
import './scenarios.css';

/** `#/scenarios`: every recorded run, grouped by the lesson it is made for. */
export function ScenariosPage() {
  const shelves = scenarioShelves();
  return (
    <Page
      title="Scenarios"
      lede="Every run CacheScope has recorded, grouped by the lesson it belongs to. Open one to step through it: the diagram, the narration and the tables move together, one event at a time. Lessons that are not written yet already have their scenarios here."
      wide
    >
      {shelves.length === 0 ? (
        <p className="notice">No scenarios have been written yet.</p>
      ) : (
        <div className="scenario-shelves">
          {shelves.map((shelf) => (
            <Shelf key={shelf.lessonId} shelf={shelf} />
          ))}
        </div>
      )}
    </Page>
  );
}

function Shelf({ shelf }: { shelf: ScenarioShelf }) {
  const headingId = useId();
  const count = shelf.scenarios.length;
  return (
    <section className="scenario-shelf" aria-labelledby={headingId}>
      <header className="scenario-shelf-header">
        <p className="scenario-shelf-eyebrow">
          {shelf.phase === null ? null : `Phase ${shelf.phase} \u00b7 ${phaseTitle(shelf.phase)} \u00b7 `}
          {count === 1 ? '1 scenario' : `${count} scenarios`}
        </p>
        <h2 id={headingId} className="scenario-shelf-title">
          {shelf.title}
        </h2>
        {shelf.summary === null ? null : <p className="scenario-shelf-summary">{shelf.summary}</p>}
        <p className="scenario-shelf-lesson">
          {shelf.lessonAvailable ? (
            <Link to={`/lessons/${shelf.lessonId}`}>Read the {shelf.title} lesson</Link>
          ) : (
            <span className="status-badge">Lesson coming</span>
          )}
        </p>
      </header>
      <ul className="scenario-cards">
        {shelf.scenarios.map((scenario) => (
          <li key={scenario.id} className="scenario-card">
            <Link className="scenario-card-title" to={scenarioHref(shelf.lessonId, scenario.id)}>
              {scenario.title}
            </Link>
            <p className="scenario-card-summary">{scenario.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
