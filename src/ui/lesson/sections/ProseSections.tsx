import type { Lesson } from '../../../content/index.ts';
import { ProseParagraphs, ProseText, useProseBlocks } from '../Prose.tsx';
import { LessonSection } from './LessonSection.tsx';

export function BigIdeaSection({ lesson }: { lesson: Lesson }) {
  return (
    <LessonSection id="big-idea" className="lesson-prose">
      <ProseParagraphs texts={lesson.bigIdea} />
    </LessonSection>
  );
}

export function IntuitionSection({ lesson }: { lesson: Lesson }) {
  return (
    <LessonSection id="intuition" className="lesson-prose">
      <div className="lesson-analogy">
        <ProseParagraphs texts={lesson.intuition} />
      </div>
    </LessonSection>
  );
}

const PART_LETTER = /^[A-Z][.:)]\s+/;

/** "A. What a session is": the writer's letter if the title has one, else the part's. */
export function partHeading(title: string, index: number): string {
  return PART_LETTER.test(title) ? title : `${String.fromCharCode(65 + index)}. ${title}`;
}

/** The mechanics, part by part; a term is linked where it first appears in the whole section. */
export function DepthSection({ lesson }: { lesson: Lesson }) {
  const paragraphs = lesson.depth.flatMap((part) => part.paragraphs);
  const blocks = useProseBlocks(paragraphs);
  let next = 0;
  return (
    <LessonSection id="depth" className="lesson-prose">
      {lesson.depth.map((part, index) => (
        <div key={part.title} className="lesson-depth-part">
          <h3 data-read-aloud="">{partHeading(part.title, index)}</h3>
          {part.paragraphs.map((paragraph) => {
            const segments = blocks[next++] ?? [];
            return (
              <p key={paragraph} data-read-aloud="">
                <ProseText segments={segments} />
              </p>
            );
          })}
        </div>
      ))}
    </LessonSection>
  );
}
