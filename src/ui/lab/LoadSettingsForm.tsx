import type { FormEvent } from 'react';
import { LabParameterFields } from './LabParameterFields.tsx';
import { LabTextField } from './LabTextField.tsx';
import { LOAD_FIELDS, loadLabOf } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';

interface LoadSettingsFormProps {
  id: string;
  settings: LoadSettings;
  onChange: (settings: LoadSettings) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The load lab's settings for the chosen scenario (A, and B when comparing); the Run button submits it. */
export function LoadSettingsForm({ id, settings, onChange, onSubmit }: LoadSettingsFormProps) {
  const lab = loadLabOf(settings);
  const set = (change: Partial<LoadSettings>) => onChange({ ...settings, ...change });
  const b = settings.compareWith;
  return (
    <form id={id} className="lab-settings" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-group">
        <legend>Configuration (A)</legend>
        <LabParameterFields
          lab={lab}
          values={settings.values}
          idPrefix="load-a"
          onChange={(values) => set({ values })}
        />
        <LabTextField
          id="load-seed"
          label="Seed"
          hint="Draws the arrivals, the keys read and every random choice. The same seed gives the same run; A and B share it."
          spec={LOAD_FIELDS.seed}
          value={settings.seed}
          onChange={(seed) => set({ seed })}
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend>Compare</legend>
        <label className="lab-choice">
          <input
            type="checkbox"
            checked={b !== null}
            onChange={() => set({ compareWith: b === null ? { ...settings.values } : null })}
          />
          <span>Compare with a second configuration (B), drawn dashed on the same axes</span>
        </label>
        {b === null ? null : (
          <>
            <p className="setting-hint">
              B starts as a copy of A. Change what you want to compare; a setting you leave alone follows A.
            </p>
            <LabParameterFields
              lab={lab}
              values={b}
              idPrefix="load-b"
              labelPrefix="B: "
              onChange={(values) => set({ compareWith: values })}
            />
          </>
        )}
      </fieldset>
    </form>
  );
}
