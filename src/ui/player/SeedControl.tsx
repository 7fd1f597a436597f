import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { parseSeed } from './deepLink.ts';
import './controls.css';

interface SeedControlProps {
  seed: number;
  onSeedChange: (seed: number) => void;
}

/** New seeds stay short so they are easy to read out and share. */
const NEW_SEED_LIMIT = 99_999;

/**
 * The seed decides every network delay in the run. Trying another one shows that the story stays
 * the same while the timings (and sometimes the interleavings) change.
 */
export function SeedControl({ seed, onSeedChange }: SeedControlProps) {
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(String(seed));
  const [error, setError] = useState<string | null>(null);
  const [shownSeed, setShownSeed] = useState(seed);
  if (seed !== shownSeed) {
    // The seed changed elsewhere (a link, the New seed button): show it, forget any old error.
    setShownSeed(seed);
    setDraft(String(seed));
    setError(null);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseSeed(draft.trim());
    if (!parsed.ok) {
      setError(`This seed ${parsed.reason}.`);
      return;
    }
    setError(null);
    if (parsed.seed !== seed) onSeedChange(parsed.seed);
    else setDraft(String(parsed.seed));
  };

  const newSeed = () => {
    let next = seed;
    while (next === seed) next = 1 + Math.floor(Math.random() * NEW_SEED_LIMIT);
    onSeedChange(next);
  };

  return (
    <form className="seed" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="seed-label">
        Seed
      </label>
      <input
        id={inputId}
        className="seed-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error !== null || undefined}
        aria-describedby={error === null ? undefined : errorId}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit" className="button button-quiet">
        Use seed
      </button>
      <button type="button" className="button button-quiet" onClick={newSeed}>
        New seed
      </button>
      {error === null ? null : (
        <p id={errorId} className="seed-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
