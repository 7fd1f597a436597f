import { useId } from 'react';
import { Link } from 'react-router';
import { useStorageProblems } from '../../state/storageProblems.ts';
import type { StorageProblem } from '../../state/storageProblems.ts';
import { backupFileName, textDataUrl } from './download.ts';
// Each store reads what it saved when first imported: load them all with the layout, so a problem
// in any of them shows on the first page, not only once a lesson opens.
import '../../state/userData.ts';
import './data.css';

/**
 * What went wrong with saving or reading this browser's storage, on every page (the layout renders
 * it), until dismissed. The region is always there, so a notice that appears is announced.
 */
export function StorageNotices() {
  const problems = useStorageProblems((state) => state.problems);
  return (
    <div className="storage-notices" aria-live="polite">
      {problems.map((problem) => (
        <StorageNotice key={problem.id} problem={problem} />
      ))}
    </div>
  );
}

type Unreadable = Extract<StorageProblem, { kind: 'unreadable' }>;

const LEFT_OUT_SHOWN = 5;

const WHAT_HAPPENED: Record<Unreadable['reason'], (problem: Unreadable) => string> = {
  'not-json': () => 'The saved text is damaged (it is not valid JSON), so CacheScope started without it.',
  'wrong-shape': () =>
    'The saved text is not in the form CacheScope saves, so CacheScope started without it.',
  'newer-version': (problem) =>
    `It was saved as version ${problem.savedVersion ?? '?'}; this page reads version ${problem.version} and kept what it could read.`,
  'partly-unreadable': () => 'CacheScope kept the rest.',
};

function StorageNotice({ problem }: { problem: StorageProblem }) {
  const titleId = useId();
  const dismiss = useStorageProblems((state) => state.dismiss);
  return (
    <div className="notice notice-warning storage-notice" aria-labelledby={titleId} role="status">
      {problem.kind === 'unreadable' ? (
        <UnreadableText problem={problem} titleId={titleId} />
      ) : problem.kind === 'quota' ? (
        <>
          <p id={titleId} className="notice-title">
            Your browser’s storage is full: your last change is not saved.
          </p>
          <p>
            Export your progress to a file on the <Link to="/data">Your data</Link> page, then free some
            space: delete old backups there, or data other sites keep in this browser.
          </p>
        </>
      ) : (
        <>
          <p id={titleId} className="notice-title">
            This browser does not let CacheScope save your progress.
          </p>
          <p>
            Your changes last until you close this tab. To keep them, export your progress on the{' '}
            <Link to="/data">Your data</Link> page, or allow this site to store data.
          </p>
        </>
      )}
      <div className="storage-notice-actions">
        {problem.kind === 'unreadable' ? (
          <a
            className="button button-quiet"
            href={textDataUrl(problem.raw)}
            download={backupFileName(problem.backupKey ?? `${problem.key}.unreadable`)}
          >
            Download the saved text
          </a>
        ) : null}
        <button
          type="button"
          className="button button-quiet"
          aria-describedby={titleId}
          onClick={() => dismiss(problem.id)}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}

function UnreadableText({ problem, titleId }: { problem: Unreadable; titleId: string }) {
  const partly = problem.reason === 'partly-unreadable' || problem.reason === 'newer-version';
  const leftOut = problem.unread.slice(0, LEFT_OUT_SHOWN);
  const more = problem.unread.length - leftOut.length;
  return (
    <>
      <p id={titleId} className="notice-title">
        {problem.reason === 'partly-unreadable'
          ? `Part of your saved ${problem.label} could not be read.`
          : problem.reason === 'newer-version'
            ? `Your saved ${problem.label} comes from a newer version of CacheScope.`
            : `Your saved ${problem.label} could not be read.`}
      </p>
      <p>
        {WHAT_HAPPENED[problem.reason](problem)}
        {partly && leftOut.length > 0 ? (
          <>
            {' '}
            Left out:{' '}
            {leftOut.map((path, i) => (
              <span key={path}>
                {i > 0 ? ', ' : null}
                <code>{path}</code>
              </span>
            ))}
            {more > 0 ? ` and ${more} more` : null}.
          </>
        ) : null}
      </p>
      <p>
        {problem.backupKey === null ? (
          <>
            Nothing was deleted yet, but the saved text could not be copied aside (the storage may be full),
            and your next change will replace it: download it now to keep it.
          </>
        ) : (
          <>
            Nothing was deleted: the saved text is kept in this browser as{' '}
            <code className="inline-path">{problem.backupKey}</code>. You can download it here or on the{' '}
            <Link to="/data">Your data</Link> page.
          </>
        )}
      </p>
    </>
  );
}
