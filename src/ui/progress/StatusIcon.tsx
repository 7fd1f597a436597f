import type { LessonStatus } from '../../state/progress.ts';

/**
 * A lesson's status as a shape on a 16×16 grid: an empty ring (not started), a half-filled one (in
 * progress), a tick in a disc (done), a skip-forward mark (skipped).
 * Decorative: the status is always written next to it.
 */
export function StatusIcon({ status }: { status: LessonStatus | 'coming' }) {
  return (
    <svg
      className={`status-icon is-${status}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'done' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path
            d="M4.6 8.3 7 10.6l4.4-4.8"
            fill="none"
            stroke="var(--surface)"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      ) : status === 'in-progress' ? (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
        </>
      ) : status === 'skipped' ? (
        <path d="M2 3.5 7.5 8 2 12.5zM7.5 3.5 13 8l-5.5 4.5zM13 3.5h1.6v9H13z" fill="currentColor" />
      ) : status === 'coming' ? (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M8 4.5V8l2.4 1.6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </>
      ) : (
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      )}
    </svg>
  );
}

/** A status as a pill: its icon and its name. */
export function StatusBadge({ status, label }: { status: LessonStatus | 'coming'; label: string }) {
  return (
    <span className={`status-badge status-pill is-${status}`}>
      <StatusIcon status={status} />
      {label}
    </span>
  );
}
