import { useId, useLayoutEffect, useRef } from 'react';
import './code.css';

interface CodePanelProps {
  title: string;
  source: string;
  /** The 1-based line running at this step, or null when no lesson code runs. */
  currentLine: number | null;
}

/**
 * The lesson's code exactly as written, with the line that runs at this step highlighted.
 * Line numbers come from CSS, so copying the code copies only the code.
 */
export function CodePanel({ title, source, currentLine }: CodePanelProps) {
  const headingId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const lines = source.replace(/\n$/, '').split('\n');

  // Keep the current line in view by scrolling the panel only, never the page.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const line = scroller?.querySelector<HTMLElement>('.code-line.is-current');
    if (scroller === null || line === null || line === undefined) return;
    const top = line.offsetTop;
    const bottom = top + line.offsetHeight;
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
    }
  }, [currentLine]);

  return (
    <section className="code-panel" aria-labelledby={headingId}>
      <div className="code-panel-header">
        <h3 id={headingId} className="code-panel-title">
          {title}
        </h3>
        <p className="code-panel-caption">
          {currentLine === null
            ? 'No lesson code runs at this step.'
            : `Line ${currentLine} runs at this step.`}
        </p>
      </div>
      <div
        className="code-scroller"
        ref={scrollerRef}
        tabIndex={0}
        role="region"
        aria-label={`Code: ${title}`}
      >
        <pre className="code-block">
          <code>
            {lines.map((text, index) => {
              const number = index + 1;
              const content = `${text}\n`;
              return number === currentLine ? (
                <mark key={number} className="code-line is-current" data-line={number}>
                  {content}
                </mark>
              ) : (
                <span key={number} className="code-line" data-line={number}>
                  {content}
                </span>
              );
            })}
          </code>
        </pre>
      </div>
    </section>
  );
}
