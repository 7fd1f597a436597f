/**
 * Reads the Playground's parameters from an address: a usable value is taken, a missing one falls
 * back silently, and an unusable one falls back with a problem in words.
 */

import type { DeepLinkProblem } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';
import type { Choice } from './playgroundConfig.ts';

const WHOLE_NUMBER = /^\d{1,6}$/;
/** A number such as 0.01 or 2.5: up to six digits either side of the point. */
const DECIMAL = /^(\d{1,6}(\.\d{1,6})?|\.\d{1,6})$/;

export const wholeNumber = (text: string) => (WHOLE_NUMBER.test(text) ? Number(text) : undefined);
export const decimal = (text: string) => (DECIMAL.test(text) ? Number(text) : undefined);

/** Whether a typed text is a number a control may pass on (whole, or with a point when allowed). */
export function isTypedNumber(text: string, allowPoint: boolean): boolean {
  return (allowPoint ? DECIMAL : WHOLE_NUMBER).test(text);
}

/** Where a fallback comes from, as the message names it. */
export type FallbackSource = 'own' | 'default';

export interface LinkReader {
  /** The parameter's value as `read` reads it, or `fallback` (with a problem when it was unusable). */
  take<T>(
    name: string,
    fallback: T,
    read: (text: string) => T | undefined,
    expected: string,
    shownFallback: string,
    source?: FallbackSource,
  ): T;
  number(name: string, fallback: number, what: string, source?: FallbackSource): number;
  decimal(name: string, fallback: number, what: string, source?: FallbackSource): number;
  oneOf<T extends string>(
    name: string,
    fallback: T,
    choices: readonly Choice<T>[],
    what: string,
    source?: FallbackSource,
  ): T;
}

export function linkReader(params: URLSearchParams, problems: DeepLinkProblem[]): LinkReader {
  const take: LinkReader['take'] = (name, fallback, read, expected, shownFallback, source = 'own') => {
    const text = params.get(name);
    if (text === null) return fallback;
    const value = read(text);
    if (value !== undefined) return value;
    const whose = source === 'own' ? 'the scenario\u2019s own' : 'the default';
    problems.push({
      param: name,
      value: shown(text),
      message: `The link\u2019s ${name} \u201c${shown(text)}\u201d is not ${expected}. Using ${shownFallback}, ${whose}, instead.`,
    });
    return fallback;
  };
  return {
    take,
    number: (name, fallback, what, source) =>
      take(name, fallback, wholeNumber, what, String(fallback), source),
    decimal: (name, fallback, what, source) => take(name, fallback, decimal, what, String(fallback), source),
    oneOf: (name, fallback, choices, what, source) =>
      take(
        name,
        fallback,
        (text) => choices.find((choice) => choice.value === text)?.value,
        `${what} (${choices.map((choice) => choice.value).join(', ')})`,
        fallback,
        source,
      ),
  };
}
