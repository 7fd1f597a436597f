import { Fragment } from 'react';

/**
 * A cache or database key in code type that, when its column is narrow, breaks only after a
 * separator (`processed:` / `user:42:email#v2`), never in the middle of a word.
 */
export function KeyText({ text }: { text: string }) {
  const parts = text.split(/(?<=[:#])/);
  return (
    <code className="key-text">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
