import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { labDefaults } from '../../engine/index.ts';
import { labScenarios } from '../../content/labs/index.ts';
import { loadLabOf } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';
import { writtenLesson } from './loadWords.ts';

interface LoadScenarioPickerProps {
  settings: LoadSettings;
  onChange: (settings: LoadSettings) => void;
  /** What could not be used of the link, shown first under the heading. */
  linkNotice?: ReactNode;
}

/**
 * The lab scenarios as cards, each with its title and what it shows. Choosing one starts from its
 * defaults (each has its own settings); a comparison stays on, with B a copy of A.
 */
export function LoadScenarioPicker({ settings, onChange, linkNotice }: LoadScenarioPickerProps) {
  const chosen = loadLabOf(settings);
  const lesson = writtenLesson(chosen);
  const choose = (id: string) => {
    const lab = loadLabOf({ scenario: id });
    const values = labDefaults(lab);
    onChange({
      scenario: lab.id,
      seed: settings.seed,
      values,
      compareWith: settings.compareWith === null ? null : { ...values },
    });
  };
  return (
    <div className="lab-scenarios">
      <h2 id="load-scenario-heading">Scenario</h2>
      {linkNotice}
      <div className="lab-scenario-list" role="radiogroup" aria-labelledby="load-scenario-heading">
        {labScenarios.map((lab) => {
          const summaryId = `load-scenario-${lab.id}-summary`;
          return (
            <div key={lab.id} className={lab.id === chosen.id ? 'lab-scenario is-chosen' : 'lab-scenario'}>
              {/* The label's box covers the card, so the whole card chooses it; the summary describes it. */}
              <label className="lab-scenario-title">
                <input
                  type="radio"
                  name="load-scenario"
                  value={lab.id}
                  checked={lab.id === chosen.id}
                  aria-describedby={summaryId}
                  onChange={() => choose(lab.id)}
                />
                <span>{lab.title}</span>
              </label>
              <p id={summaryId} className="lab-scenario-summary">
                {lab.summary}
              </p>
            </div>
          );
        })}
      </div>
      {lesson === null ? null : (
        <p className="lab-lesson-link">
          <Link to={`/lessons/${lesson.id}`}>Read the lesson: {lesson.title}</Link>
        </p>
      )}
    </div>
  );
}
