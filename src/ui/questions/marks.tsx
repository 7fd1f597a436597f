/** Marks beside an answer, drawn on a 20×20 grid; decorative, since the words beside them say the same. */
const PATHS = {
  right: 'M4.5 10.5l3.5 3.5 7.5-8',
  wrong: 'M5.5 5.5l9 9M14.5 5.5l-9 9',
  none: 'M10 10m-3.5 0a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0',
} as const;

export type MarkKind = keyof typeof PATHS;

export function Mark({ kind }: { kind: MarkKind }) {
  return (
    <svg
      className={`question-mark is-${kind}`}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
