import { useEffect, useId, useState } from 'react';
import { codeLineForMarker, getScenario } from '../../content/index.ts';
import type { Lesson } from '../../content/index.ts';
import type { LabSource } from '../../content/labSources.ts';
import { SectionLink } from '../lesson/sections/TableOfContents.tsx';
import { ScenarioTabs } from '../lesson/ScenarioTabs.tsx';
import { CodeView } from './CodeView.tsx';
import { CopyButton } from './CopyButton.tsx';
import { languageOf } from './highlighter.ts';
import { stepMarkerLines, useVisualStep } from './useVisualStep.ts';
import type { VisualStep } from './useVisualStep.ts';

const quoted = (text: string) => `\u201c${text}\u201d`;

/** "At step 4 of “…”, line 12 runs (marked ▶)." — or that no line of this code runs there. */
function stepWords(visual: VisualStep, line: number | null, what: string): string {
  return line === null
    ? `At step ${visual.step} of ${quoted(visual.scenarioTitle)}, no line of ${what} runs.`
    : `At step ${visual.step} of ${quoted(visual.scenarioTitle)}, line ${line} runs (marked ▶).`;
}

const lineFor = (source: string, visual: VisualStep | null) =>
  visual?.marker === null || visual === null ? null : codeLineForMarker(source, visual.marker);

/**
 * The lesson's Code lab: its code sample, whose marked lines the Visual's steps point at, and then,
 * where the lesson has one, the code lab that runs: the service's files as CI tests them against a
 * real Redis and PostgreSQL (the site imports them as text), with the command that starts it.
 */
export function CodeLab({ lesson }: { lesson: Lesson }) {
  const visual = useVisualStep(lesson);
  const { title, source } = lesson.code;
  const current = lineFor(source, visual);
  const labs = useLessonLabs(lesson.id);
  return (
    <div className="code-lab-stack">
      <CodeView
        title={title}
        source={source}
        lang="typescript"
        label={`Code lab: ${title}`}
        current={current}
        caption={
          visual === null ? (
            'Lines marked ◆ are the ones the steps of the Visual point at.'
          ) : (
            <>
              <span className="code-lab-now">{stepWords(visual, current, 'this code')}</span> Lines marked ◆
              are the ones the{' '}
              <SectionLink id="visual" className="code-lab-visual-link">
                Visual
              </SectionLink>
              &rsquo;s steps point at; step through it and the highlight follows.
            </>
          )
        }
      />
      {labs.map((lab) => (
        <RunningLab key={lab.id} lab={lab} visual={visual} />
      ))}
    </div>
  );
}

type LessonLab = LabSource & { id: string };

/**
 * The code labs of a lesson. Their files are loaded on demand: they are the section's second half,
 * far down the page, and all the labs' text together is too big to hold up the page's first paint.
 */
function useLessonLabs(lessonId: string): readonly LessonLab[] {
  const [labs, setLabs] = useState<{ lessonId: string; labs: readonly LessonLab[] } | null>(null);
  useEffect(() => {
    let current = true;
    import('../../content/labSources.ts').then(
      (module) => {
        if (current) setLabs({ lessonId, labs: module.labsForLesson(lessonId) });
      },
      () => {
        // Offline before the chunk was cached: the lesson's own sample is still shown.
      },
    );
    return () => {
      current = false;
    };
  }, [lessonId]);
  return labs?.lessonId === lessonId ? labs.labs : [];
}

/** One code lab: what it is, the command that starts it, and its files as tabs. */
function RunningLab({ lab, visual }: { lab: LessonLab; visual: VisualStep | null }) {
  const [selected, setSelected] = useState(lab.files[0]?.path ?? '');
  const baseId = useId();
  const tabIdOf = (path: string) => `${baseId}-tab-${path.replace(/[^\w-]/g, '-')}`;
  const panelId = `${baseId}-panel`;
  const file = lab.files.find((candidate) => candidate.path === selected) ?? lab.files[0];
  const command = `npm run lab -- ${lab.id}`;
  // The Visual's highlight follows into the lab when it plays one of the runs the lab's markers match.
  const following = visual !== null && lab.scenarios.includes(visual.scenarioId) ? visual : null;
  const titles = lab.scenarios.map((id) => quoted(getScenario(id)?.title ?? id));
  if (file === undefined) return null;
  const current = lineFor(file.source, following);
  const name = file.path.split('/').at(-1) ?? file.path;
  const hasSteps = stepMarkerLines(file.source).size > 0;
  return (
    <section className="running-lab" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`} className="running-lab-title">
        Run it: {lab.title}
      </h3>
      <p>
        These files are the service that CI runs against a real Redis and a real PostgreSQL, shown here byte
        for byte. In a clone of the repository, this command starts it on 127.0.0.1 with throwaway servers,
        seeds its table, and prints the URLs and some curl lines to try; Ctrl+C stops everything.
      </p>
      <div className="running-lab-command">
        <code>{command}</code>
        <CopyButton text={command} what="the command" />
      </div>
      <ScenarioTabs
        scenarios={lab.files.map((entry) => ({
          id: entry.path,
          title: entry.path.split('/').at(-1) ?? entry.path,
        }))}
        selectedId={file.path}
        onSelect={setSelected}
        tabIdOf={tabIdOf}
        panelId={panelId}
        label={`Files of ${lab.title}`}
      />
      <div id={panelId} role="tabpanel" aria-labelledby={tabIdOf(file.path)}>
        <CodeView
          title={file.path}
          source={file.source}
          lang={languageOf(file.path)}
          label={`Code: ${file.path}`}
          current={current}
          level={4}
          caption={
            !hasSteps ? (
              'No step of the Visual points into this file.'
            ) : following === null ? (
              `Lines marked ◆ are the steps of ${titles.join(' and ')}: play one in the Visual and the highlight follows here.`
            ) : (
              <>
                <span className="code-lab-now">{stepWords(following, current, name)}</span> Lines marked ◆ are
                the steps of {titles.join(' and ')}.
              </>
            )
          }
        />
      </div>
    </section>
  );
}
