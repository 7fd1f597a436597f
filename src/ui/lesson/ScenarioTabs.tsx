import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

export interface ScenarioTab {
  id: string;
  title: string;
}

interface ScenarioTabsProps {
  scenarios: readonly ScenarioTab[];
  selectedId: string;
  onSelect: (scenarioId: string) => void;
  /** Builds the DOM id of a scenario's tab, so the panel can name itself after the selected tab. */
  tabIdOf: (scenarioId: string) => string;
  panelId: string;
  /** What the tab list is called for a screen reader. */
  label?: string;
}

/**
 * The lesson's scenarios as an ARIA tab list: one Tab stop, arrows move between scenarios and
 * select them at once (switching is cheap: the runs are already recorded).
 */
export function ScenarioTabs({
  scenarios,
  selectedId,
  onSelect,
  tabIdOf,
  panelId,
  label = 'Scenarios',
}: ScenarioTabsProps) {
  const tabs = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = scenarios.length - 1;
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const scenario = target === null ? undefined : scenarios[target];
    if (scenario === undefined) return;
    event.preventDefault();
    onSelect(scenario.id);
    tabs.current.get(scenario.id)?.focus();
  };

  return (
    <div className="scenario-tabs" role="tablist" aria-label={label}>
      {scenarios.map((scenario, index) => {
        const selected = scenario.id === selectedId;
        return (
          <button
            key={scenario.id}
            ref={(element) => {
              if (element === null) tabs.current.delete(scenario.id);
              else tabs.current.set(scenario.id, element);
            }}
            id={tabIdOf(scenario.id)}
            type="button"
            role="tab"
            className="scenario-tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(scenario.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {scenario.title}
          </button>
        );
      })}
    </div>
  );
}
