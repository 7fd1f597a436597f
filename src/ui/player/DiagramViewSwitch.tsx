import type { DiagramView } from '../../state/playerSettings.ts';

const VIEWS: { view: DiagramView; label: string }[] = [
  { view: 'topology', label: 'Topology' },
  { view: 'sequence', label: 'Sequence' },
];

/**
 * Two toggle buttons rather than radios: the player's arrow keys step through the run, and a
 * radio group would take them for itself.
 */
export function DiagramViewSwitch({
  view,
  onChange,
}: {
  view: DiagramView;
  onChange: (view: DiagramView) => void;
}) {
  return (
    <div className="diagram-view-switch" role="group" aria-label="Draw the run as">
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          className="diagram-view-option"
          aria-pressed={view === option.view}
          onClick={() => onChange(option.view)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
