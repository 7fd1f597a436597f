import type { Scenario } from '../../engine/index.ts';
import { NumberField, SelectField } from './SettingField.tsx';
import { controlId } from './controlId.ts';
import type { ControlName, PlaygroundConfig } from './playgroundConfig.ts';
import {
  CACHE_LIMIT_CHOICES,
  DEFAULT_CACHE_LIMIT,
  EVICTION_CHOICES,
  PENETRATION_CHOICES,
  PROTECTION_LIMITS as LIMITS,
  STAMPEDE_CHOICES,
  penetrationOfKind,
  protectionsOf,
  stampedeOfKind,
} from './protectionConfig.ts';
import { bloomSummary } from './protectionHints.ts';

/** What every control is given: its id, label, hint and problems. */
interface FieldProps {
  id: string;
  label: string;
  hint: string;
  problems: string[];
}

interface ProtectionSettingsProps {
  base: Scenario;
  config: PlaygroundConfig;
  field: (control: ControlName, label: string) => FieldProps;
  onChange: (config: PlaygroundConfig) => void;
}

/** The cache's size limit, and the stampede and penetration protections with their numbers. */
export function ProtectionSettings({ base, config, field, onChange }: ProtectionSettingsProps) {
  const own = protectionsOf(base);
  const set = <K extends 'stampede' | 'penetration' | 'cacheLimit'>(name: K, value: PlaygroundConfig[K]) =>
    onChange({ ...config, [name]: value });
  const { stampede, penetration, cacheLimit } = config;
  const bloom = bloomSummary(base, penetration);

  return (
    <>
      <fieldset className="settings-group settings-cache">
        <legend>Cache size</legend>
        <SelectField
          {...field('cacheLimit', 'Size limit')}
          value={cacheLimit === null ? 'off' : 'on'}
          choices={CACHE_LIMIT_CHOICES}
          onChange={(value) =>
            set('cacheLimit', value === 'off' ? null : (own.cacheLimit ?? DEFAULT_CACHE_LIMIT))
          }
        />
        {cacheLimit === null ? null : (
          <>
            <NumberField
              {...field('maxKeys', 'Max keys')}
              value={cacheLimit.maxKeys}
              {...LIMITS.maxKeys}
              onChange={(maxKeys) => set('cacheLimit', { ...cacheLimit, maxKeys })}
            />
            <SelectField
              {...field('evictionPolicy', 'Eviction policy')}
              value={cacheLimit.policy}
              choices={EVICTION_CHOICES}
              onChange={(policy) => set('cacheLimit', { ...cacheLimit, policy })}
            />
          </>
        )}
      </fieldset>

      <fieldset className="settings-group settings-protections">
        <legend>Failure-mode protections</legend>
        <div className="settings-column">
          <SelectField
            {...field('stampede', 'Stampede protection')}
            value={stampede.kind}
            choices={STAMPEDE_CHOICES}
            onChange={(kind) => set('stampede', stampedeOfKind(kind, own.stampede))}
          />
          {stampede.kind === 'mutex' ? (
            <>
              <NumberField
                {...field('lockTtlMs', 'Lock TTL (ms)')}
                value={stampede.lockTtlMs}
                {...LIMITS.lockTtlMs}
                onChange={(lockTtlMs) => set('stampede', { ...stampede, lockTtlMs })}
              />
              <NumberField
                {...field('retryDelayMs', 'Retry delay (ms)')}
                value={stampede.retryDelayMs}
                {...LIMITS.retryDelayMs}
                onChange={(retryDelayMs) => set('stampede', { ...stampede, retryDelayMs })}
              />
              <NumberField
                {...field('maxRetries', 'Retries')}
                value={stampede.maxRetries}
                {...LIMITS.maxRetries}
                onChange={(maxRetries) => set('stampede', { ...stampede, maxRetries })}
              />
            </>
          ) : stampede.kind === 'xfetch' ? (
            <NumberField
              {...field('beta', 'XFetch \u03b2')}
              value={stampede.beta}
              {...LIMITS.beta}
              step={0.1}
              onChange={(beta) => set('stampede', { ...stampede, beta })}
            />
          ) : stampede.kind === 'stale-while-revalidate' ? (
            <NumberField
              {...field('staleSeconds', 'Stale window (seconds)')}
              value={stampede.staleSeconds}
              {...LIMITS.staleSeconds}
              onChange={(staleSeconds) => set('stampede', { ...stampede, staleSeconds })}
            />
          ) : null}
        </div>

        <div className="settings-column">
          <SelectField
            {...field('penetration', 'Penetration protection')}
            value={penetration.kind}
            choices={PENETRATION_CHOICES}
            onChange={(kind) => set('penetration', penetrationOfKind(kind, own.penetration, base))}
          />
          {penetration.kind === 'null-caching' ? (
            <NumberField
              {...field('nullTtlSeconds', '\u201cNot found\u201d TTL (seconds)')}
              value={penetration.ttlSeconds}
              {...LIMITS.nullTtlSeconds}
              onChange={(ttlSeconds) => set('penetration', { ...penetration, ttlSeconds })}
            />
          ) : penetration.kind === 'bloom-filter' ? (
            <>
              <NumberField
                {...field('bloomItems', 'Expected keys (n)')}
                value={penetration.expectedItems}
                {...LIMITS.bloomItems}
                onChange={(expectedItems) => set('penetration', { ...penetration, expectedItems })}
              />
              <NumberField
                {...field('bloomRate', 'False-positive rate (p)')}
                value={penetration.falsePositiveRate}
                {...LIMITS.bloomRate}
                step={0.01}
                onChange={(falsePositiveRate) => set('penetration', { ...penetration, falsePositiveRate })}
              />
              <p className="setting-derived">
                <span className="setting-label">Filter size</span>{' '}
                <output htmlFor={`${controlId('bloomItems')} ${controlId('bloomRate')}`}>
                  {bloom ?? 'Shown once n and p can size a filter.'}
                </output>
              </p>
            </>
          ) : null}
        </div>
      </fieldset>
    </>
  );
}
