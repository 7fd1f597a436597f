import type { Lesson } from '../../../content/index.ts';
import { ProseText, useProseBlocks } from '../Prose.tsx';
import { LessonSection } from './LessonSection.tsx';

const PARTS = [
  { field: 'symptom', label: 'Symptom' },
  { field: 'cause', label: 'Cause' },
  { field: 'fix', label: 'Fix' },
] as const;

/** Each pitfall as what you would see, why, and what to do, labelled in words (not by colour). */
export function PitfallsSection({ lesson }: { lesson: Lesson }) {
  const blocks = useProseBlocks(lesson.pitfalls.flatMap((p) => PARTS.map(({ field }) => p[field])));
  return (
    <LessonSection id="pitfalls">
      <ol className="lesson-pitfalls">
        {lesson.pitfalls.map((pitfall, index) => (
          <li key={pitfall.symptom} className="lesson-pitfall">
            <dl>
              {PARTS.map(({ field, label }, part) => (
                <div key={field} className={`lesson-pitfall-part is-${field}`}>
                  <dt>{label}</dt>
                  <dd data-read-aloud="">
                    <ProseText segments={blocks[index * PARTS.length + part] ?? []} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </LessonSection>
  );
}
