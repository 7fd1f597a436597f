import type { ControlName } from './playgroundConfig.ts';

/** The DOM id of a control, so a message elsewhere can send focus to it. */
export function controlId(control: ControlName | 'from'): string {
  return `playground-${control}`;
}
