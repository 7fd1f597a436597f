import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** The roadmap's keys: the status each one sets on the lesson that has focus. */
export const STATUS_KEYS = [
  { key: 'D', status: 'done', does: 'Mark the lesson done' },
  { key: 'L', status: 'in-progress', does: 'Mark it in progress (learning)' },
  { key: 'S', status: 'skipped', does: 'Skip it' },
  { key: 'R', status: 'not-started', does: 'Reset it: not started, its tasks and Visual cleared' },
] as const;

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The list of keyboard shortcuts, as a modal dialog: focus moves into it, Tab and Shift+Tab stay
 * inside it, Escape or the Close button (or a click outside) closes it, and focus goes back to where
 * it was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || dialog.current === null) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            Keyboard shortcuts
          </h2>
          <button ref={closeButton} type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
        <p>On the roadmap, move to a lesson with Tab, then press:</p>
        <dl className="shortcut-list">
          {STATUS_KEYS.map(({ key, does }) => (
            <div key={key} className="shortcut">
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{does}</dd>
            </div>
          ))}
          <div className="shortcut">
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>Show this list</dd>
          </div>
          <div className="shortcut">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close it</dd>
          </div>
        </dl>
        <p className="dialog-note">
          Each change can be undone from the line under the course. Keys do nothing while you type in a field.
        </p>
      </div>
    </div>
  );
}

/** Whether a key press belongs to someone typing (a field, an editable element), so shortcuts stay out. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(
    type,
  );
}

/** The status a shortcut key sets, when the key is one and no modifier (Ctrl+R reloads) is held. */
export function statusForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return STATUS_KEYS.find(({ key }) => key === event.key.toUpperCase())?.status;
}
