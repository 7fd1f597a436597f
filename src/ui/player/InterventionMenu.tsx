import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { InterventionChoice } from './interventions.ts';

interface InterventionMenuProps {
  /** Who the menu is about, e.g. "Node A" or "Message #20: GET user:1". */
  title: string;
  choices: readonly InterventionChoice[];
  /** Where to draw it, in percent of the diagram's width and height. */
  anchor: { left: number; top: number };
  onChoose: (choice: InterventionChoice) => void;
  /** Closes the menu; the caller puts focus back on what opened it. */
  onClose: () => void;
  /** Closes the menu because focus went elsewhere: focus stays where it went. */
  onDismiss: () => void;
}

/**
 * The faults that can be injected into one part of the diagram, as a menu: ↑/↓ (and Home/End) move
 * between items, Enter or Space chooses, Escape or Tab closes
 * and puts focus back where it was.
 */
export function InterventionMenu({
  title,
  choices,
  anchor,
  onChoose,
  onClose,
  onDismiss,
}: InterventionMenuProps) {
  const titleId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    items()[0]?.focus();
  }, []);

  // A click on something that takes no focus (the diagram's background, text) closes it too.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !menuRef.current?.contains(event.target)) onDismiss();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onDismiss]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => all[(next + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(all.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        // Not for the player behind the menu: stepping would change what the menu is about.
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menuRef}
      className="intervention-menu"
      style={{ left: `${anchor.left}%`, top: `${anchor.top}%` }}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Clicking or tabbing elsewhere closes the menu (focus moving between its items does not).
        if (event.relatedTarget !== null && !menuRef.current?.contains(event.relatedTarget as Node))
          onDismiss();
      }}
    >
      <p id={titleId} className="intervention-menu-title">
        {title}
      </p>
      <div role="menu" aria-labelledby={titleId}>
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="intervention-menu-item"
            onClick={() => onChoose(choice)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
