import { useEffect, useId, useRef, useState } from 'react';
import { deleteBackup, listBackups, readBackup } from '../../state/storage.ts';
import { useStorageProblems } from '../../state/storageProblems.ts';
import { STORE_KEYS } from '../../state/userData.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { backupFileName, textDataUrl } from './download.ts';
import { count } from './words.ts';

/**
 * Saved text CacheScope could not read, kept aside under backup keys: each can be downloaded, and
 * deleted after asking. Shown only when there is one.
 */
export function BackupsSection() {
  const headingId = useId();
  // A new problem may have made a new backup.
  useStorageProblems((state) => state.problems);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // The deleted backup's row, and its button, are gone: focus goes to the section instead.
  useEffect(() => {
    if (deleted > 0) heading.current?.focus();
  }, [deleted]);
  const backups = listBackups(STORE_KEYS);
  if (backups.length === 0 && deleted === 0) return null;

  return (
    <section className="panel data-section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Backups of unreadable data
      </h2>
      <p>
        Saved text CacheScope could not read is kept here instead of being deleted. Download it to look at it
        or to ask for help.
      </p>
      {backups.length === 0 ? <p>No backups are left.</p> : null}
      <ul className="data-backups">
        {backups.map((backup) => (
          <li key={backup.key}>
            <code className="inline-path">{backup.key}</code>
            <span className="data-backup-size">{count(backup.size, 'character', 'characters')}</span>
            <span className="data-backup-actions">
              <a
                className="button button-quiet"
                href={textDataUrl(readBackup(backup.key) ?? '')}
                download={backupFileName(backup.key)}
                aria-label={`Download ${backup.key}`}
              >
                Download
              </a>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Delete ${backup.key}`}
                onClick={() => setDeleting(backup.key)}
              >
                Delete…
              </button>
            </span>
          </li>
        ))}
      </ul>
      {deleting === null ? null : (
        <ConfirmDialog
          title="Delete this backup?"
          confirm="Delete backup"
          onConfirm={() => {
            deleteBackup(deleting);
            setDeleting(null);
            setDeleted((n) => n + 1);
          }}
          onCancel={() => setDeleting(null)}
        >
          <p>
            The saved text under <code className="inline-path">{deleting}</code> is removed from this browser.
            Download it first if you may need it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
