import { CurriculumList } from './CurriculumList.tsx';
import { Page } from './Page.tsx';

/** All lessons by phase; the written ones are links. */
export function LessonsPage() {
  return (
    <Page
      title="Lessons"
      lede="Two phases: first how a single Redis cache is used well, then what changes when many machines share and copy the same data. Lessons marked Coming are not written yet."
    >
      <CurriculumList headingLevel={2} withSummaries />
    </Page>
  );
}
