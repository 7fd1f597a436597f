import { useId } from 'react';
import type { DeepLinkProblem } from '../player/deepLink.ts';

interface LinkProblemsProps {
  problems: readonly DeepLinkProblem[];
  onDismiss: () => void;
}

/** Says, in words, which parts of the link could not be used and what is shown instead. */
export function LinkProblems({ problems, onDismiss }: LinkProblemsProps) {
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <section className="notice notice-warning" aria-labelledby={headingId}>
      <h3 id={headingId} className="notice-title">
        {problems.length === 1
          ? 'Part of this link could not be used'
          : 'Parts of this link could not be used'}
      </h3>
      <ul className="notice-list">
        {/* A link can have several bad interventions, so the parameter alone is not a key. */}
        {problems.map((problem, index) => (
          <li key={`${problem.param}-${index}`}>
            <span className="notice-param">
              <code>{problem.param}</code>
            </span>{' '}
            {problem.message}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
