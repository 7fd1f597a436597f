import type { FormEvent } from 'react';
import { LabTextField } from './LabTextField.tsx';
import { nextNodeName, nodeNames } from './labJobs.ts';
import { SCHEME_WORDS } from './labWords.ts';
import { SCHEME_KINDS, SHARDING_FIELDS, shardingProblems } from './shardingLink.ts';
import type { NodeChange, ShardingSettings } from './shardingLink.ts';

interface ShardingSettingsFormProps {
  id: string;
  settings: ShardingSettings;
  onChange: (settings: ShardingSettings) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The sharding lab's settings; the Run button submits this form. */
export function ShardingSettingsForm({ id, settings, onChange, onSubmit }: ShardingSettingsFormProps) {
  const f = SHARDING_FIELDS;
  const problems = shardingProblems(settings);
  const set = (change: Partial<ShardingSettings>) => onChange({ ...settings, ...change });
  const nodes = nodeNames(settings.nodes);
  const changes: { value: NodeChange; label: string }[] = [
    { value: 'add', label: `Add a node (${nextNodeName(nodes)} joins)` },
    { value: 'remove', label: `Remove a node (${nodes[nodes.length - 1] ?? 'the last'} leaves)` },
  ];
  return (
    <form id={id} className="lab-settings" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-group">
        <legend>Schemes</legend>
        {SCHEME_KINDS.map((kind) => {
          const chosen = settings.schemes.includes(kind);
          return (
            <label key={kind} className="lab-choice">
              <input
                type="checkbox"
                checked={chosen}
                disabled={chosen && settings.schemes.length === 1}
                onChange={() =>
                  set({
                    schemes: SCHEME_KINDS.filter((k) =>
                      k === kind ? !chosen : settings.schemes.includes(k),
                    ),
                  })
                }
              />
              <span>
                <strong>{SCHEME_WORDS[kind].name}</strong>{' '}
                <span className="lab-choice-hint">{SCHEME_WORDS[kind].description}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Cluster</legend>
        <LabTextField
          id="lab-nodes"
          label="Nodes"
          hint="The cluster before the change: node-1, node-2, …"
          spec={f.nodes}
          value={settings.nodes}
          problems={problems.nodes}
          onChange={(count) => set({ nodes: count })}
        />
        <LabTextField
          id="lab-vnodes"
          label="Virtual nodes per node"
          hint="Only the hash ring uses them: more points on the ring spread keys more evenly."
          spec={f.vnodes}
          value={settings.virtualNodes}
          onChange={(virtualNodes) => set({ virtualNodes })}
        />
        <LabTextField
          id="lab-shard-keys"
          label="Keys"
          hint="How many keys to place."
          spec={f.keys}
          value={settings.keys}
          onChange={(keys) => set({ keys })}
        />
        <LabTextField
          id="lab-prefix"
          label="Key prefix"
          hint="Keys are the prefix and a number: user:1, user:2, … Redis Cluster hashes only the part inside {braces}: try {cart}: and every key shares one slot."
          spec={f.prefix}
          value={settings.keyPrefix}
          inputMode="text"
          wide
          onChange={(keyPrefix) => set({ keyPrefix })}
        />
        <fieldset className="lab-choices">
          <legend className="setting-label">Change</legend>
          {changes.map((change) => (
            <label key={change.value} className="lab-choice">
              <input
                type="radio"
                name={`${id}-change`}
                value={change.value}
                checked={settings.change === change.value}
                onChange={() => set({ change: change.value })}
              />
              <span>{change.label}</span>
            </label>
          ))}
        </fieldset>
      </fieldset>
    </form>
  );
}
