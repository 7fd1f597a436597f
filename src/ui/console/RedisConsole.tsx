import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { CommandHistory, completeCommand } from './consoleLine.ts';
// The console's heading looks like the tables' headings above it.
import '../player/data.css';
import './console.css';

export interface ConsoleEntry {
  id: number;
  /** The line as typed, shown after the prompt. */
  input: string;
  lines: readonly string[];
  tone: 'reply' | 'error' | 'info';
}

interface RedisConsoleProps {
  entries: readonly ConsoleEntry[];
  /** In subscribed mode the prompt is replaced by a note, as in redis-cli; Ctrl+C leaves it. */
  subscribed: boolean;
  onSubmit: (line: string) => void;
  onInterrupt: () => void;
}

export const PROMPT = '127.0.0.1:6379>';

/** A redis-cli look-alike: the transcript, then the prompt. What happens to a line is the caller's. */
export function RedisConsole({ entries, subscribed, onSubmit, onInterrupt }: RedisConsoleProps) {
  const headingId = useId();
  const hintId = useId();
  const [value, setValue] = useState('');
  const [candidates, setCandidates] = useState<string[]>([]);
  const history = useRef(new CommandHistory());
  const input = useRef<HTMLInputElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'c' && event.ctrlKey) {
      event.preventDefault();
      setValue('');
      onInterrupt();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      history.current.add(value);
      setCandidates([]);
      setValue('');
      onSubmit(value);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setValue(history.current.older(value));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setValue(history.current.newer());
    } else if (event.key === 'Tab' && !event.shiftKey && value.trim() !== '') {
      // Tab completes while there is something to complete; otherwise it moves focus as usual.
      event.preventDefault();
      const completion = completeCommand(value);
      setValue(completion.value);
      setCandidates(completion.candidates.length > 1 ? completion.candidates : []);
    }
  };

  return (
    <section className="console" aria-labelledby={headingId}>
      <div className="console-header">
        <h3 id={headingId} className="data-panel-title">
          Redis console
        </h3>
        <p id={hintId} className="console-hint">
          Commands go to this run’s cache as a packet from the console. HELP for help, Tab completes, ↑/↓ for
          history.
        </p>
      </div>
      {/* Clicking anywhere in the terminal puts the cursor in the prompt, as in a real one. */}
      <div className="console-screen" onClick={() => input.current?.focus()}>
        <div role="log" aria-live="polite" aria-label="Console output">
          <ol className="console-log">
            {entries.map((entry) => (
              <li key={entry.id} className={`console-entry tone-${entry.tone}`}>
                <div className="console-echo">
                  <span className="console-prompt" aria-hidden="true">
                    {PROMPT}
                  </span>{' '}
                  <span>{entry.input}</span>
                </div>
                {entry.lines.map((line, i) => (
                  <pre key={i} className="console-line">
                    {line}
                  </pre>
                ))}
              </li>
            ))}
          </ol>
        </div>
        {candidates.length > 0 ? <p className="console-candidates">{candidates.join('  ')}</p> : null}
        {subscribed ? (
          <p className="console-subscribed">Reading messages… (press Ctrl+C or type UNSUBSCRIBE to stop)</p>
        ) : null}
        <div className="console-input-row">
          <label className="console-prompt" htmlFor={`${headingId}-input`}>
            <span aria-hidden="true">{subscribed ? '' : PROMPT}</span>
            <span className="visually-hidden">Redis command</span>
          </label>
          <input
            ref={input}
            id={`${headingId}-input`}
            className="console-input"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={hintId}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
          />
        </div>
      </div>
    </section>
  );
}
