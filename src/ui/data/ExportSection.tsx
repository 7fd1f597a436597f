import { useId, useState } from 'react';
import { progressFile, progressFileName } from '../../state/progressFile.ts';
import { useProgress } from '../../state/progress.ts';
import { useReview } from '../../state/review.ts';
import { currentUserData } from '../../state/userData.ts';
import { downloadText } from './download.ts';
import { summaryWords } from './words.ts';

/** Downloads every store's user data as one progress file. */
export function ExportSection() {
  const headingId = useId();
  // Subscribed so the summary follows changes (another tab, an import).
  useProgress((state) => state.lessons);
  useReview((state) => state.cards);
  const [message, setMessage] = useState('');

  const exportNow = () => {
    const now = new Date();
    const name = progressFileName(now);
    downloadText(name, `${JSON.stringify(progressFile(currentUserData(), now), null, 2)}\n`);
    setMessage(`Downloaded ${name}.`);
  };

  return (
    <section className="panel data-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Export</h2>
      <p>
        Download one JSON file with your lesson progress, question scores, review cards and settings. Keep it
        as a copy, or import it in another browser.
      </p>
      <p>In this browser now: {summaryWords(currentUserData())}.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={exportNow}>
          Export progress
        </button>
      </div>
      <p className="data-status" role="status">
        {message}
      </p>
    </section>
  );
}
