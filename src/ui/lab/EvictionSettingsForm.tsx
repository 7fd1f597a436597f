import type { FormEvent } from 'react';
import { HIT_RATIO_POLICIES } from '../../engine/index.ts';
import { LabTextField } from './LabTextField.tsx';
import { EVICTION_FIELDS, defaultTraceB, evictionProblems } from './evictionLink.ts';
import type { EvictionSettings, TraceSettings } from './evictionLink.ts';
import { POLICY_WORDS } from './labWords.ts';

interface EvictionSettingsFormProps {
  id: string;
  settings: EvictionSettings;
  onChange: (settings: EvictionSettings) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The eviction lab's settings; the Run button submits this form. */
export function EvictionSettingsForm({ id, settings, onChange, onSubmit }: EvictionSettingsFormProps) {
  const f = EVICTION_FIELDS;
  const problems = evictionProblems(settings);
  const set = (change: Partial<EvictionSettings>) => onChange({ ...settings, ...change });
  const b = settings.compareWith;
  const setB = (change: Partial<TraceSettings>) => {
    if (b !== null) set({ compareWith: { ...b, ...change } });
  };
  return (
    <form id={id} className="lab-settings" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-group">
        <legend>Trace (A)</legend>
        <LabTextField
          id="lab-alpha"
          label="Zipf skew α"
          hint="How unequal key popularity is: 0.6 is mild, 1.0 is typical of web caches, 1.4 means a few very hot keys."
          spec={f.alpha}
          value={settings.alpha}
          inputMode="decimal"
          onChange={(alpha) => set({ alpha })}
        />
        <LabTextField
          id="lab-keys"
          label="Distinct keys"
          hint="How many keys the trace draws from."
          spec={f.keys}
          value={settings.keys}
          onChange={(keys) => set({ keys })}
        />
        <LabTextField
          id="lab-requests"
          label="Requests"
          hint="The trace's length. Every policy and size replays the same trace."
          spec={f.requests}
          value={settings.requests}
          onChange={(requests) => set({ requests })}
        />
        <LabTextField
          id="lab-warmup"
          label="Warm-up requests"
          hint="Served first and not counted, so an empty cache's first misses do not count. Che's estimate assumes a warm cache."
          spec={f.warmup}
          value={settings.warmUp}
          problems={problems.warmup}
          onChange={(warmUp) => set({ warmUp })}
        />
        <LabTextField
          id="lab-seed"
          label="Seed"
          hint="Draws the trace and the random choices of random and Redis eviction: the same seed gives the same numbers."
          spec={f.seed}
          value={settings.seed}
          onChange={(seed) => set({ seed })}
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend>Caches</legend>
        <LabTextField
          id="lab-sizes"
          label="Cache sizes (keys)"
          hint="Capacities to try, separated by commas."
          spec={f.sizes}
          value={settings.sizes}
          inputMode="text"
          wide
          onChange={(sizes) => set({ sizes })}
        />
        <fieldset className="lab-choices">
          <legend className="setting-label">Policies</legend>
          {HIT_RATIO_POLICIES.map((policy) => {
            const chosen = settings.policies.includes(policy);
            return (
              <label key={policy} className="lab-choice">
                <input
                  type="checkbox"
                  checked={chosen}
                  // The last policy cannot be unticked: a run needs one.
                  disabled={chosen && settings.policies.length === 1}
                  onChange={() =>
                    set({
                      policies: HIT_RATIO_POLICIES.filter((p) =>
                        p === policy ? !chosen : settings.policies.includes(p),
                      ),
                    })
                  }
                />
                <span>
                  <strong>{POLICY_WORDS[policy].name}</strong>{' '}
                  <span className="lab-choice-hint">{POLICY_WORDS[policy].description}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <label className="lab-choice">
          <input
            type="checkbox"
            checked={settings.logScale}
            onChange={() => set({ logScale: !settings.logScale })}
          />
          <span>Logarithmic cache-size axis</span>
        </label>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Compare</legend>
        <label className="lab-choice">
          <input
            type="checkbox"
            checked={b !== null}
            onChange={() => set({ compareWith: b === null ? defaultTraceB(settings) : null })}
          />
          <span>Compare with a second trace (B), drawn dashed on the same axes</span>
        </label>
        {b === null ? null : (
          <>
            <LabTextField
              id="lab-alpha-b"
              label="B: Zipf skew α"
              hint="Warm-up, seed, sizes and policies are the same as A's."
              spec={f.alpha}
              value={b.alpha}
              inputMode="decimal"
              onChange={(alpha) => setB({ alpha })}
            />
            <LabTextField
              id="lab-keys-b"
              label="B: distinct keys"
              hint="A bigger catalogue spreads the same requests thinner."
              spec={f.keys}
              value={b.keys}
              onChange={(keys) => setB({ keys })}
            />
            <LabTextField
              id="lab-requests-b"
              label="B: requests"
              hint="A longer trace counts more of the steady state."
              spec={f.requests}
              value={b.requests}
              problems={problems.requestsB}
              onChange={(requests) => setB({ requests })}
            />
          </>
        )}
      </fieldset>
    </form>
  );
}
