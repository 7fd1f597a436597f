/** A part of a link that could not be used, in words; shared by every parameter's reader. */
export interface DeepLinkProblem {
  /** The parameter's name, as in the link (`seed`, `fx`, `race`, `step`, or a caller's own). */
  param: string;
  /** The value as it appeared in the link, shortened if very long. */
  value: string;
  /** A sentence for a person: what was wrong and what is shown instead. */
  message: string;
}

export const WHOLE_NUMBER = /^\d+$/;
const SHOWN_VALUE_LIMIT = 40;

/** A value as a message quotes it: long ones are cut short. */
export function shown(value: string): string {
  return value.length > SHOWN_VALUE_LIMIT ? `${value.slice(0, SHOWN_VALUE_LIMIT)}\u2026` : value;
}
