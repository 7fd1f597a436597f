import type { StatusNotice } from './useStatusChange.ts';

/** The last change of status, announced politely, with its Undo button. Always in the page, so it is heard. */
export function StatusNoticeLine({ notice }: { notice: StatusNotice | null }) {
  return (
    <p className="status-notice" role="status">
      {notice === null ? null : (
        <>
          {notice.text}
          {notice.undo === null ? null : (
            <>
              {' '}
              <button type="button" className="link-button" onClick={notice.undo}>
                Undo
              </button>
            </>
          )}
        </>
      )}
    </p>
  );
}
