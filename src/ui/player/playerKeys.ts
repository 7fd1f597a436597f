import type { KeyboardEvent } from 'react';

export interface PlayerKeyActions {
  togglePlay: () => void;
  stepBack: () => void;
  stepForward: () => void;
  restart: () => void;
  jumpToEnd: () => void;
  slower: () => void;
  faster: () => void;
}

/**
 * Keyboard control for the whole player: Space plays or pauses, ←/→ step, Home/End jump, −/+ change
 * speed. Keys a focused control already handles are left to it: typing in a field, Space or Enter
 * on a button (or it would fire twice), and arrows/Home/End on a slider.
 */
export function playerKeyHandler(actions: PlayerKeyActions) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target !== null && takesTyping(target)) return;
    const onSlider = target instanceof HTMLInputElement && target.type === 'range';
    const onButton = (target?.closest('button, a, summary, [role="button"], [role="tab"]') ?? null) !== null;

    const act = (action: () => void) => {
      event.preventDefault();
      action();
    };
    switch (event.key) {
      case ' ':
      case 'Spacebar':
        if (!onButton) act(actions.togglePlay);
        return;
      case 'ArrowRight':
        if (!onSlider) act(actions.stepForward);
        return;
      case 'ArrowLeft':
        if (!onSlider) act(actions.stepBack);
        return;
      case 'Home':
        if (!onSlider) act(actions.restart);
        return;
      case 'End':
        if (!onSlider) act(actions.jumpToEnd);
        return;
      case '+':
      case '=':
        act(actions.faster);
        return;
      case '-':
      case '_':
        act(actions.slower);
        return;
    }
  };
}

function takesTyping(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(element.type);
  }
  return false;
}
