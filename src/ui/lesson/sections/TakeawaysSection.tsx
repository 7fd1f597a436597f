import { Link } from 'react-router';
import type { Lesson } from '../../../content/index.ts';
import { termAnchor } from '../../glossary/glossary.ts';
import { ProseText, useProseBlocks } from '../Prose.tsx';
import { LessonSection } from './LessonSection.tsx';

/** Three to five takeaways, then the lesson's terms, each with a link to its Glossary entry. */
export function TakeawaysSection({ lesson }: { lesson: Lesson }) {
  const takeaways = useProseBlocks(lesson.takeaways);
  // The terms are defined here: their definitions link no other terms, to keep the list calm.
  const definitions = useProseBlocks(
    lesson.terms.map((t) => t.definition),
    { linkTerms: false },
  );
  return (
    <LessonSection id="terms">
      <ol className="lesson-takeaways lesson-prose">
        {takeaways.map((segments, index) => (
          <li key={index} data-read-aloud="">
            <ProseText segments={segments} />
          </li>
        ))}
      </ol>
      <h3 id="lesson-terms" data-read-aloud="">
        Terms
      </h3>
      <dl className="lesson-terms">
        {lesson.terms.map(({ term }, index) => (
          <div key={term} className="lesson-term" id={`lesson-${termAnchor(term)}`}>
            <dt data-read-aloud="">{term}</dt>
            <dd>
              <p data-read-aloud="">
                <ProseText segments={definitions[index] ?? []} />
              </p>
              <Link className="lesson-term-link" to={`/glossary#${termAnchor(term)}`}>
                In the glossary<span className="visually-hidden">: {term}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </LessonSection>
  );
}
