import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on the button. */
export const COPIED_FOR_MS = 2000;

/** Copies `text` to the clipboard; says "Copied" when it worked, and plainly why not when it did not. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="copy-button">
      <button type="button" className="button button-quiet" onClick={() => void copy()}>
        <CopyIcon copied={state === 'copied'} />
        {state === 'copied' ? 'Copied' : 'Copy'} <span className="visually-hidden">{what}</span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? `${what} copied to the clipboard.` : ''}
      </span>
      {state === 'failed' ? (
        <p className="copy-button-failed" role="alert">
          Could not copy: this browser did not let the page use the clipboard. Select the code and copy it by
          hand.
        </p>
      ) : null}
    </div>
  );
}

/** Two sheets, or a tick once copied; decorative, since the button says it in words. */
function CopyIcon({ copied }: { copied: boolean }) {
  return (
    <svg
      className="copy-icon"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {copied ? (
        <path d="M4 10.5l4 4 8-9" />
      ) : (
        <>
          <rect x="7" y="7" width="10" height="10" rx="2" />
          <path d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
        </>
      )}
    </svg>
  );
}
