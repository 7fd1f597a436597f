import { useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { readProgressFile } from '../../state/progressFile.ts';
import type { FileProblem, ProgressFile } from '../../state/progressFile.ts';
import { currentUserData, importUserData } from '../../state/userData.ts';
import type { ImportMode } from '../../state/userData.ts';
import { count, summaryWords } from './words.ts';

type Step =
  | { is: 'idle' }
  | { is: 'invalid'; fileName: string; problems: FileProblem[] }
  | { is: 'ready'; fileName: string; file: ProgressFile };

const PROBLEMS_SHOWN = 20;

/**
 * Reads a progress file, checks all of it, and only then asks how to use it: merge (the newer of
 * each lesson and card) or replace. An invalid file changes nothing, and the page says what is
 * wrong with it, field by field. Everything from the file is shown as text.
 */
export function ImportSection() {
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ is: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [message, setMessage] = useState('');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setMessage('');
    if (chosen === undefined) {
      setStep({ is: 'idle' });
      return;
    }
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      setStep({
        is: 'invalid',
        fileName: chosen.name,
        problems: [{ path: '', reason: 'the file could not be read' }],
      });
      return;
    }
    const reading = readProgressFile(text);
    setMode('merge');
    setStep(
      reading.ok
        ? { is: 'ready', fileName: chosen.name, file: reading.file }
        : { is: 'invalid', fileName: chosen.name, problems: reading.problems },
    );
  };

  const clear = () => {
    setStep({ is: 'idle' });
    if (input.current !== null) input.current.value = '';
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (step.is !== 'ready') return;
    importUserData(step.file, mode);
    setMessage(
      `Imported ${step.fileName} (${mode === 'merge' ? 'merged' : 'replaced'}). In this browser now: ${summaryWords(currentUserData())}.`,
    );
    clear();
  };

  return (
    <section className="panel data-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Import</h2>
      <p>Load a file made by Export. Nothing changes until you choose how to use it.</p>
      <div className="data-field">
        <label htmlFor={inputId}>Progress file</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void choose(event)}
        />
      </div>

      {step.is === 'invalid' ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{step.fileName} was not imported. Nothing was changed.</p>
          <p>
            {step.problems.length === 1
              ? 'One problem:'
              : `${count(step.problems.length, 'problem', 'problems')}:`}
          </p>
          <ul className="notice-list data-problems">
            {step.problems.slice(0, PROBLEMS_SHOWN).map((problem, i) => (
              <li key={i}>
                {problem.path === '' ? null : <code>{problem.path}</code>}
                {problem.path === '' ? problem.reason : `: ${problem.reason}`}
              </li>
            ))}
            {step.problems.length > PROBLEMS_SHOWN ? (
              <li>and {step.problems.length - PROBLEMS_SHOWN} more</li>
            ) : null}
          </ul>
        </div>
      ) : null}

      {step.is === 'ready' ? (
        <form className="data-import-choice" onSubmit={apply}>
          <fieldset>
            <legend>
              How should {step.fileName} be used? It holds {summaryWords(step.file)}, exported{' '}
              {new Date(step.file.exportedAt).toLocaleString('en-GB', {
                dateStyle: 'long',
                timeStyle: 'short',
              })}
              .
            </legend>
            <label className="data-choice">
              <input
                type="radio"
                name="import-mode"
                value="merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              <span>
                <strong>Merge</strong>: keep the newer of each lesson and card. Your settings here stay.
              </span>
            </label>
            <label className="data-choice">
              <input
                type="radio"
                name="import-mode"
                value="replace"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />
              <span>
                <strong>Replace</strong>: everything in this browser, settings too, becomes what the file
                holds. Export first if you want to keep a copy.
              </span>
            </label>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button button-primary">
              Import
            </button>
            <button type="button" className="button button-quiet" onClick={clear}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}

      <p className="data-status" role="status">
        {message}
      </p>
    </section>
  );
}
