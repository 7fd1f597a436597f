import { useId, useState } from 'react';
import { resetUserData } from '../../state/userData.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Clears everything, after asking. */
export function ResetSection() {
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');

  const reset = () => {
    resetUserData();
    setAsking(false);
    setMessage('All data was reset. The course starts fresh.');
  };

  return (
    <section className="panel data-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Start over</h2>
      <p>
        Reset removes your lesson progress, question scores, review cards and settings from this browser.
        Backups of unreadable data stay.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => {
            setMessage('');
            setAsking(true);
          }}
        >
          Reset all data…
        </button>
      </div>
      <p className="data-status" role="status">
        {message}
      </p>
      {asking ? (
        <ConfirmDialog
          title="Reset all data?"
          confirm="Reset all data"
          onConfirm={reset}
          onCancel={() => setAsking(false)}
        >
          <p>
            Your lesson progress, question scores, review cards and settings are removed from this browser.
            This cannot be undone: export your progress first if you may want it back.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
