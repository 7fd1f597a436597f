import { useState } from 'react';
import { SettingField } from '../playground/SettingField.tsx';
import type { FieldSpec } from './labFields.ts';

interface LabTextFieldProps<T> {
  id: string;
  label: string;
  hint: string;
  spec: FieldSpec<T>;
  value: T;
  /** Why the value cannot run with the other settings; empty when it can. */
  problems?: readonly string[] | undefined;
  inputMode?: 'numeric' | 'decimal' | 'text';
  onChange: (value: T) => void;
  /** Wider box, for lists. */
  wide?: boolean;
  /** Shown after the box, and read out with its description: `ms`, `requests/s`. */
  unit?: string | undefined;
}

/**
 * A setting typed as text. A usable value is passed on at once (the address follows as you type);
 * anything else stays in the box with a message saying what would do, until it is fixed.
 */
export function LabTextField<T>({
  spec,
  value,
  onChange,
  problems = [],
  inputMode = 'numeric',
  wide = false,
  unit = '',
  ...field
}: LabTextFieldProps<T>) {
  const formatted = spec.format(value);
  const [draft, setDraft] = useState(formatted);
  const [shownValue, setShownValue] = useState(formatted);
  if (formatted !== shownValue) {
    // Changed elsewhere (a link, a reset): show it, unless the draft already means the same.
    setShownValue(formatted);
    const drafted = spec.parse(draft);
    if (drafted === undefined || spec.format(drafted) !== formatted) setDraft(formatted);
  }
  const parsed = spec.parse(draft);
  return (
    <SettingField {...field} problems={parsed === undefined ? [`Type ${spec.expected}.`] : problems}>
      {(described) => {
        const unitId = `${field.id}-unit`;
        const input = (
          <input
            id={field.id}
            className={wide ? 'setting-control' : 'setting-control lab-number'}
            type="text"
            inputMode={inputMode}
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setDraft(text);
              const next = spec.parse(text);
              if (next !== undefined && spec.format(next) !== formatted) onChange(next);
            }}
            {...described}
            aria-describedby={
              unit === '' ? described['aria-describedby'] : `${unitId} ${described['aria-describedby']}`
            }
          />
        );
        return unit === '' ? (
          input
        ) : (
          <span className="lab-with-unit">
            {input}
            <span id={unitId} className="lab-unit">
              {unit}
            </span>
          </span>
        );
      }}
    </SettingField>
  );
}
