import type { Scenario } from '../../engine/index.ts';
import { scenarioShelves } from '../pages/scenarioCatalogue.ts';
import { SettingField, NumberField, SelectField } from './SettingField.tsx';
import type { ConfigHints } from './configHints.ts';
import { problemsOf } from './configProblems.ts';
import { controlId } from './controlId.ts';
import { ProtectionSettings } from './ProtectionSettings.tsx';
import type { ConfigProblem } from './configProblems.ts';
import {
  BALANCER_CHOICES,
  DEFAULT_L1_SECONDS,
  INVALIDATION_CHOICES,
  LIMITS,
  RACE_FIX_CHOICES,
  READ_CHOICES,
  SESSION_CHOICES,
  WRITE_CHOICES,
  configOf,
  sameConfig,
} from './playgroundConfig.ts';
import type { ControlName, PlaygroundConfig } from './playgroundConfig.ts';

interface PlaygroundSettingsProps {
  base: Scenario;
  config: PlaygroundConfig;
  problems: readonly ConfigProblem[];
  hints: ConfigHints;
  /** A new configuration: the run starts again from step 0, without faults or a race order. */
  onChange: (config: PlaygroundConfig) => void;
  /** Another scenario to start from, with all of its own settings. */
  onStartFrom: (scenarioId: string) => void;
}

const L1_CHOICES = [
  { value: 'off', label: 'Off' },
  { value: 'on', label: 'On' },
] as const;

/** The Playground's controls: what to start from, the topology, the strategy, the cache's size and protections. */
export function PlaygroundSettings({
  base,
  config,
  problems,
  hints,
  onChange,
  onStartFrom,
}: PlaygroundSettingsProps) {
  const set = <K extends keyof PlaygroundConfig>(name: K, value: PlaygroundConfig[K]) =>
    onChange({ ...config, [name]: value });
  const common = (control: ControlName, label: string) => ({
    id: controlId(control),
    label,
    hint: hints[control],
    problems: problemsOf(problems, control),
  });
  const own = configOf(base);
  const isOwn = sameConfig(config, own);
  const l1Default = own.l1Seconds ?? DEFAULT_L1_SECONDS;

  return (
    <form
      className="playground-settings"
      aria-label="Playground settings"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="settings-group settings-start">
        <legend>Start from</legend>
        <SettingField id={controlId('from')} label="Scenario" hint={base.summary} problems={[]}>
          {(described) => (
            <select
              id={controlId('from')}
              className="setting-control"
              value={base.id}
              onChange={(event) => onStartFrom(event.currentTarget.value)}
              {...described}
            >
              {scenarioShelves().map((shelf) => (
                <optgroup key={shelf.lessonId} label={shelf.title}>
                  {shelf.scenarios.map((scenario) => (
                    <option key={scenario.id} value={scenario.id}>
                      {scenario.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </SettingField>
        <div className="settings-reset">
          <button
            type="button"
            className="button button-quiet"
            disabled={isOwn}
            onClick={() => onChange(own)}
          >
            Back to the scenario&rsquo;s own settings
          </button>
          <p className="settings-note">
            {isOwn ? 'These are the scenario\u2019s own settings. ' : ''}Changing a setting restarts the run
            at step 0 and drops injected faults and race orders.
          </p>
        </div>
      </fieldset>

      <fieldset className="settings-group">
        <legend>Topology</legend>
        <NumberField
          {...common('clients', 'Clients')}
          value={config.clients}
          min={LIMITS.clients.min}
          max={LIMITS.clients.max}
          onChange={(value) => set('clients', value)}
        />
        <NumberField
          {...common('nodes', 'App nodes')}
          value={config.nodes}
          min={LIMITS.nodes.min}
          max={LIMITS.nodes.max}
          onChange={(value) => set('nodes', value)}
        />
        <SelectField
          {...common('balancer', 'Load balancer')}
          value={config.balancer}
          choices={BALANCER_CHOICES}
          onChange={(value) => set('balancer', value)}
        />
        <SelectField
          {...common('l1', 'Local cache (L1) in each node')}
          value={config.l1Seconds === null ? 'off' : 'on'}
          choices={L1_CHOICES}
          onChange={(value) => set('l1Seconds', value === 'off' ? null : l1Default)}
        />
        {config.l1Seconds === null ? null : (
          <NumberField
            {...common('l1Seconds', 'Local cache TTL (seconds)')}
            value={config.l1Seconds}
            min={LIMITS.l1Seconds.min}
            max={LIMITS.l1Seconds.max}
            onChange={(value) => set('l1Seconds', value)}
          />
        )}
      </fieldset>

      <fieldset className="settings-group settings-strategy">
        <legend>Strategy</legend>
        <SelectField
          {...common('read', 'Read path')}
          value={config.read}
          choices={READ_CHOICES}
          onChange={(value) => set('read', value)}
        />
        <SelectField
          {...common('write', 'Write path')}
          value={config.write}
          choices={WRITE_CHOICES}
          onChange={(value) => set('write', value)}
        />
        <NumberField
          {...common('ttlSeconds', 'Cache TTL (seconds)')}
          value={config.ttlSeconds}
          min={LIMITS.ttlSeconds.min}
          max={LIMITS.ttlSeconds.max}
          onChange={(value) => set('ttlSeconds', value)}
        />
        <NumberField
          {...common('jitterSeconds', 'TTL jitter (seconds)')}
          value={config.jitterSeconds}
          min={LIMITS.jitterSeconds.min}
          max={LIMITS.jitterSeconds.max}
          onChange={(value) => set('jitterSeconds', value)}
        />
        <SelectField
          {...common('invalidation', 'Invalidation')}
          value={config.invalidation}
          choices={INVALIDATION_CHOICES}
          onChange={(value) => set('invalidation', value)}
        />
        <SelectField
          {...common('raceFix', 'Race fix')}
          value={config.raceFix}
          choices={RACE_FIX_CHOICES}
          onChange={(value) => set('raceFix', value)}
        />
        <SelectField
          {...common('sessions', 'Session store')}
          value={config.sessions}
          choices={SESSION_CHOICES}
          onChange={(value) => set('sessions', value)}
        />
      </fieldset>

      <ProtectionSettings base={base} config={config} field={common} onChange={onChange} />
    </form>
  );
}
