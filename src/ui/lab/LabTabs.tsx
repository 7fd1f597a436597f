import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { LAB_NAMES } from './useLabLink.ts';
import type { LabName } from './useLabLink.ts';

export const LAB_TITLES: Record<LabName, string> = {
  eviction: 'Eviction policies',
  sharding: 'Sharding',
  load: 'Load',
};

export const tabId = (lab: LabName) => `lab-tab-${lab}`;
export const panelId = (lab: LabName) => `lab-panel-${lab}`;

interface LabTabsProps {
  lab: LabName;
  onSelect: (lab: LabName) => void;
}

/** The labs as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them). */
export function LabTabs({ lab, onSelect }: LabTabsProps) {
  const tabs = useRef(new Map<LabName, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = LAB_NAMES.indexOf(lab);
    const last = LAB_NAMES.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const name = next === null ? undefined : LAB_NAMES[next];
    if (name === undefined) return;
    event.preventDefault();
    onSelect(name);
    tabs.current.get(name)?.focus();
  };
  return (
    <div className="lab-tabs" role="tablist" aria-label="Labs" onKeyDown={move}>
      {LAB_NAMES.map((name) => (
        <button
          key={name}
          ref={(element) => {
            if (element === null) tabs.current.delete(name);
            else tabs.current.set(name, element);
          }}
          type="button"
          role="tab"
          id={tabId(name)}
          aria-selected={name === lab}
          aria-controls={panelId(name)}
          tabIndex={name === lab ? 0 : -1}
          className="lab-tab"
          onClick={() => onSelect(name)}
        >
          {LAB_TITLES[name]}
        </button>
      ))}
    </div>
  );
}
