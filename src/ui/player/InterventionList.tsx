import { useId } from 'react';
import type { Intervention } from '../../engine/index.ts';
import { interventionInWords } from './interventions.ts';

interface InterventionListProps {
  interventions: readonly Intervention[];
  labelOf: (actorId: string) => string;
  onRemove: (index: number) => void;
}

/** The faults the learner injected into this run, each with a way to take it back. */
export function InterventionList({ interventions, labelOf, onRemove }: InterventionListProps) {
  const headingId = useId();
  return (
    <section className="intervention-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="intervention-list-title">
        Interventions
      </h3>
      {interventions.length === 0 ? (
        <p className="intervention-list-empty">
          None yet. Select a node or a message in the diagram to break something at this step.
        </p>
      ) : (
        <ul>
          {interventions.map((intervention, index) => {
            const words = interventionInWords(intervention, labelOf);
            return (
              <li key={`${index}-${words}`}>
                <span>{words}</span>{' '}
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove \u201c${words}\u201d`}
                  onClick={() => onRemove(index)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
