import { Link } from 'react-router';
import { curriculum } from '../../content/index.ts';
import { CurriculumList } from './CurriculumList.tsx';
import { Page, SITE_NAME } from './Page.tsx';

/** Home: what CacheScope is, where to start, and the whole course at a glance. */
export function RoadmapPage() {
  const firstLesson = curriculum.find((entry) => entry.available);
  const ready = curriculum.filter((entry) => entry.available).length;
  return (
    <Page
      title="Roadmap"
      documentTitle={`${SITE_NAME} \u2014 watch distributed caching happen`}
      eyebrow="Learn distributed caching by watching it"
      lede={
        <>
          Every lesson replays a real simulation step by step: requests travel between clients, app nodes, a
          Redis-like cache and a database, while the tables, the counters and the code that runs change in
          front of you.
        </>
      }
    >
      {firstLesson === undefined ? null : (
        <section className="callout" aria-labelledby="start-here">
          <h2 id="start-here" className="callout-title">
            Start here: {firstLesson.title}
          </h2>
          <p>
            The pattern most caches use: read from the cache, fall back to the database on a miss, and delete
            the key when the data changes. Step through a read, a write, and what goes wrong when the write
            happens in the wrong order.
          </p>
          <Link to={`/lessons/${firstLesson.id}`} className="button button-primary">
            Open the {firstLesson.title} lesson
          </Link>
        </section>
      )}
      <section className="roadmap" aria-labelledby="course-heading">
        <div className="section-header">
          <h2 id="course-heading">The course</h2>
          <p className="section-note">
            {ready} of {curriculum.length} lessons ready. Progress tracking and review reminders will appear
            here as the course grows; your progress will stay in this browser.
          </p>
        </div>
        <CurriculumList headingLevel={3} />
      </section>
    </Page>
  );
}
