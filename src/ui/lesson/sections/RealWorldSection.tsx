import type { Lesson } from '../../../content/index.ts';
import { ProseText, useProseBlocks } from '../Prose.tsx';
import { LessonSection } from './LessonSection.tsx';

/** The host a link leaves for, shown beside it: `docs.aws.amazon.com`. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** How known systems do it: each claim with its named source, which opens on another site in a new tab. */
export function RealWorldSection({ lesson }: { lesson: Lesson }) {
  const blocks = useProseBlocks(lesson.realWorld.map((claim) => claim.text));
  return (
    <LessonSection id="real-world">
      <ul className="lesson-claims">
        {lesson.realWorld.map((claim, index) => (
          <li key={claim.source.url + index} className="lesson-claim">
            <p data-read-aloud="">
              <ProseText segments={blocks[index] ?? []} />
            </p>
            <p className="lesson-claim-source">
              <span className="lesson-claim-label">Source:</span>{' '}
              <ExternalLink href={claim.source.url}>{claim.source.title}</ExternalLink>
            </p>
          </li>
        ))}
      </ul>
    </LessonSection>
  );
}

/** A link to another site: a new tab, no opener, and it says so in words (host and a hidden note). */
export function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="external-link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="external-link-host">
        {' '}
        ({hostOf(href)}
        <span className="visually-hidden">, another site, opens in a new tab</span>
        <span aria-hidden="true"> ↗</span>)
      </span>
    </a>
  );
}
