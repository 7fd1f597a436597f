/**
 * Words that go with a highlighted cell, so the highlight is never colour alone: a visible badge for
 * rows that appeared or went away, hidden text for changed cells (their tint is the visible cue).
 */
export function RowBadge({ status }: { status: 'same' | 'added' | 'changed' | 'removed' }) {
  if (status === 'added') return <span className="row-badge row-badge-added">new</span>;
  if (status === 'removed') return <span className="row-badge row-badge-removed">removed</span>;
  return null;
}

export function ChangedNote({ changed }: { changed: boolean }) {
  return changed ? <span className="visually-hidden"> (changed in this step)</span> : null;
}

export function cellClass(changed: boolean): string | undefined {
  return changed ? 'is-changed' : undefined;
}

/** A cached value older than the database's: the anomaly cache-aside's write order is about. */
export function StaleBadge() {
  return <span className="row-badge row-badge-stale">stale</span>;
}
