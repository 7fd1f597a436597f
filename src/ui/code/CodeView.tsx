import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';
import type { CodeLanguage } from './highlighter.ts';
import { useHighlightedCode } from './useHighlightedCode.ts';
import { useNearScreen } from '../player/useNearScreen.ts';
import { stepMarkerLines } from './useVisualStep.ts';
import './codeLab.css';

export interface CodeViewProps {
  /** The file's name, shown above the code and named by the Copy button. */
  title: string;
  source: string;
  lang: CodeLanguage;
  /** What the code region is called for a screen reader, e.g. "Code lab: cache-aside.ts". */
  label: string;
  /** The line the Visual's current step runs (1-based), marked ▶; null when none. */
  current: number | null;
  /** A line or two under the title: what the marks mean and where the Visual is. */
  caption: ReactNode;
  /** The title's heading level in the page's outline. */
  level?: 3 | 4;
}

/**
 * Code, highlighted, with line numbers and a Copy button. Lines with a `// step:` comment are the
 * ones the Visual's steps point at (marked ◆); the line of the Visual's current step is highlighted
 * (marked ▶) and kept in view. Line numbers and marks come from CSS, so copying takes only the code.
 */
export function CodeView({ title, source, lang, label, current, caption, level = 3 }: CodeViewProps) {
  const captionId = useId();
  const text = source.replace(/\n$/, '');
  const plainLines = useMemo(() => text.split('\n'), [text]);
  const scroller = useRef<HTMLDivElement>(null);
  // The colours (a worker, and a span per token) wait until the code is near the screen.
  const highlighted = useHighlightedCode(text, lang, useNearScreen(scroller));
  const markers = useMemo(() => stepMarkerLines(text), [text]);
  const Heading = level === 3 ? 'h3' : 'h4';

  // Keep the Visual's line in view by scrolling the code only, never the page.
  useLayoutEffect(() => {
    const box = scroller.current;
    const line = box?.querySelector<HTMLElement>('.code-lab-line.is-current');
    if (box === null || box === undefined || line === null || line === undefined) return;
    if (box.scrollHeight <= box.clientHeight) return;
    const top = line.offsetTop;
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [current, text]);

  return (
    <div className="code-lab">
      <div className="code-lab-header">
        <Heading className="code-lab-title">{title}</Heading>
        <CopyButton text={source} what={title} />
      </div>
      <p className="code-lab-caption" id={captionId}>
        {caption}
      </p>
      <div
        className="code-lab-scroller"
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={label}
        aria-describedby={captionId}
      >
        <pre className={highlighted === null ? 'code-lab-block is-plain' : 'code-lab-block'}>
          <code>
            {plainLines.map((plain, index) => {
              const number = index + 1;
              const tokens = highlighted?.[index];
              const isCurrent = number === current;
              const className = [
                'code-lab-line',
                markers.has(number) ? 'is-step' : '',
                isCurrent ? 'is-current' : '',
              ]
                .filter(Boolean)
                .join(' ');
              // The number and the mark (◆, ▶) come from CSS, so they are not copied with the code.
              const content = (
                <span className="code-lab-text">
                  {tokens === undefined
                    ? plain
                    : tokens.map((token, t) =>
                        token.style === null ? (
                          token.content
                        ) : (
                          <span key={t} className="code-token" style={token.style as CSSProperties}>
                            {token.content}
                          </span>
                        ),
                      )}
                  {'\n'}
                </span>
              );
              return isCurrent ? (
                <mark key={number} className={className} data-line={number}>
                  {content}
                </mark>
              ) : (
                <span key={number} className={className} data-line={number}>
                  {content}
                </span>
              );
            })}
          </code>
        </pre>
      </div>
    </div>
  );
}
