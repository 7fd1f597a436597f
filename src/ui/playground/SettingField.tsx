import { useState } from 'react';
import type { ReactNode } from 'react';
import { isTypedNumber } from './linkReader.ts';
import type { Choice } from './playgroundConfig.ts';

/** What a native control needs to be tied to its hint and its error. */
interface Described {
  'aria-describedby': string;
  'aria-invalid': true | undefined;
}

interface SettingFieldProps {
  id: string;
  label: string;
  hint: string;
  /** Why the current value cannot run, one sentence each; empty when it can. */
  problems: readonly string[];
  children: (described: Described) => ReactNode;
}

/** A labelled control with its error (when the value cannot run) and its hint underneath. */
export function SettingField({ id, label, hint, problems, children }: SettingFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = problems.length > 0;
  return (
    <div className={invalid ? 'setting is-invalid' : 'setting'}>
      <label htmlFor={id} className="setting-label">
        {label}
      </label>
      {children({
        'aria-describedby': invalid ? `${errorId} ${hintId}` : hintId,
        'aria-invalid': invalid || undefined,
      })}
      {invalid ? (
        <div id={errorId} className="setting-error">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      <p id={hintId} className="setting-hint">
        {hint}
      </p>
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  hint: string;
  problems: readonly string[];
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}

export function SelectField<T extends string>({ choices, value, onChange, ...field }: SelectFieldProps<T>) {
  return (
    <SettingField {...field}>
      {(described) => (
        <select
          id={field.id}
          className="setting-control"
          value={value}
          onChange={(event) => {
            const chosen = choices.find((choice) => choice.value === event.currentTarget.value);
            if (chosen !== undefined) onChange(chosen.value);
          }}
          {...described}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </SettingField>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  problems: readonly string[];
  value: number;
  min: number;
  max: number;
  /** What the arrow keys add; below 1 the box takes numbers with a point, such as 0.01. */
  step?: number;
  onChange: (value: number) => void;
}

/**
 * A number typed or stepped with the arrow keys: a whole one, or with a point when `step` is below 1.
 * Every such number is passed on at once (the run follows as you type); anything else stays in the
 * box with a message until it is fixed.
 */
export function NumberField({ value, min, max, step = 1, onChange, problems, ...field }: NumberFieldProps) {
  const allowPoint = step < 1;
  const [draft, setDraft] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    // Changed elsewhere (a reset, another scenario): show it.
    setShownValue(value);
    setDraft(String(value));
  }
  const typedWrong = !isTypedNumber(draft, allowPoint);
  const typeThis = allowPoint ? 'Type a number, like 0.5.' : 'Type a whole number, like 30.';
  return (
    <SettingField {...field} problems={typedWrong ? [typeThis] : problems}>
      {(described) => (
        <input
          id={field.id}
          className="setting-control setting-number"
          type="number"
          inputMode={allowPoint ? 'decimal' : 'numeric'}
          min={min}
          max={max}
          step={step}
          value={draft}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setDraft(text);
            if (isTypedNumber(text, allowPoint) && Number(text) !== value) onChange(Number(text));
          }}
          {...described}
        />
      )}
    </SettingField>
  );
}
