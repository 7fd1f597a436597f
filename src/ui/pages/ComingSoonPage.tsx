import { Page } from './Page.tsx';
import { StartLinks } from './StartLinks.tsx';

interface ComingSoonPageProps {
  title: string;
  /** One sentence: what this page is for. */
  purpose: string;
  /** What a person will be able to do here once it is built. */
  plans: readonly string[];
}

/** An honest placeholder: says the page is not built yet, what it will hold, and where to go now. */
export function ComingSoonPage({ title, purpose, plans }: ComingSoonPageProps) {
  return (
    <Page title={title} eyebrow={<span className="status-badge">Not built yet</span>} lede={purpose}>
      <section className="panel" aria-labelledby="coming-plans">
        <h2 id="coming-plans">What will be here</h2>
        <ul className="plain-list">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="coming-meanwhile">
        <h2 id="coming-meanwhile">In the meantime</h2>
        <p>
          The first lesson is ready: watch cache-aside reads and writes step by step, and see the stale window
          the wrong write order opens.
        </p>
        <StartLinks />
      </section>
    </Page>
  );
}

export function ReviewPage() {
  return (
    <ComingSoonPage
      title="Review"
      purpose="Review will bring back each lesson's flip cards on a spaced-repetition schedule, so what you learn stays learnt."
      plans={[
        'The cards due today, across every lesson you have started.',
        'Each card links to the step of the Visual that shows its answer.',
        'Your schedule is kept in this browser; nothing is sent anywhere.',
      ]}
    />
  );
}

export function GlossaryPage() {
  return (
    <ComingSoonPage
      title="Glossary"
      purpose="The Glossary will define every term the lessons use, in plain words, with a link to where each one is taught."
      plans={[
        'Terms such as cache hit, TTL, eviction, write-behind and thundering herd.',
        'Each entry links to the lesson and the step of its Visual where the term shows up.',
        'Search and filter by phase.',
      ]}
    />
  );
}
