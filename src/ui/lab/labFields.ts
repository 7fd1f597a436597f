/**
 * How each lab setting is read from text and written back, shared by the address and the form:
 * a link and a typed value are checked by the same rule and explained in the same words.
 */
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';

export interface FieldSpec<T> {
  /** The value the text stands for, or undefined when it is not one. */
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  /** What a usable value is, after "is not": `a whole number from 1 to 64`. */
  expected: string;
}

const grouped = new Intl.NumberFormat('en-US');

/** `1,000,000` as people read it; `1000000` as links carry it. */
export function groupedNumber(value: number): string {
  return grouped.format(value);
}

/** Up to ten digits, after dropping the commas, spaces and underscores people type between them. */
const WHOLE = /^\d{1,10}$/;

export function wholeNumber(min: number, max: number): FieldSpec<number> {
  return {
    parse: (text) => {
      const digits = text.trim().replace(/[,_\s]/g, '');
      if (!WHOLE.test(digits)) return undefined;
      const value = Number(digits);
      return value >= min && value <= max ? value : undefined;
    },
    format: String,
    expected: `a whole number from ${groupedNumber(min)} to ${groupedNumber(max)}`,
  };
}

const DECIMAL = /^(\d{1,3}(\.\d{0,4})?|\.\d{1,4})$/;

/** A decimal above `above` and at most `max`, with up to four places. */
export function decimal(above: number, max: number): FieldSpec<number> {
  return {
    parse: (text) => {
      const trimmed = text.trim();
      if (!DECIMAL.test(trimmed)) return undefined;
      const value = Number(trimmed);
      return value > above && value <= max ? value : undefined;
    },
    format: String,
    expected: `a number above ${above} and at most ${max}`,
  };
}

/** Distinct whole numbers separated by commas or spaces, kept in ascending order. */
export function numberList(min: number, max: number, most: number): FieldSpec<number[]> {
  const item = wholeNumber(min, max);
  return {
    parse: (text) => {
      const parts = text.split(/[\s,]+/).filter((part) => part !== '');
      if (parts.length === 0 || parts.length > most) return undefined;
      const values = parts.map(item.parse);
      if (values.some((value) => value === undefined)) return undefined;
      return [...new Set(values as number[])].sort((a, b) => a - b);
    },
    format: (values) => values.join(', '),
    expected: `1 to ${most} whole numbers from ${groupedNumber(min)} to ${groupedNumber(max)}, separated by commas`,
  };
}

/** One of a few names. */
export function oneOf<T extends string>(choices: readonly T[]): FieldSpec<T> {
  return {
    parse: (text) => choices.find((choice) => choice === text),
    format: String,
    expected: `one of ${choices.join(', ')}`,
  };
}

/** At least one of a few names, separated by commas, kept in the choices' order. */
export function someOf<T extends string>(choices: readonly T[]): FieldSpec<T[]> {
  return {
    parse: (text) => {
      const names = text.split(',').filter((name) => name !== '');
      if (names.length === 0 || names.some((name) => !choices.includes(name as T))) return undefined;
      return choices.filter((choice) => names.includes(choice));
    },
    format: (values) => values.join(','),
    expected: `one or more of ${choices.join(', ')}, separated by commas`,
  };
}

/** Reads parameters from a link, collecting a problem in words for each unusable one. */
export class LinkReader {
  readonly problems: DeepLinkProblem[] = [];
  /** False once a parameter was missing or unusable: the address is then rewritten in full. */
  complete = true;

  constructor(private readonly params: URLSearchParams) {}

  read<T>(name: string, spec: FieldSpec<T>, fallback: T): T {
    const text = this.params.get(name);
    if (text === null) {
      this.complete = false;
      return fallback;
    }
    const value = spec.parse(text);
    if (value !== undefined) return value;
    this.complete = false;
    this.problems.push({
      param: name,
      value: shown(text),
      message: `The link\u2019s ${name} \u201c${shown(text)}\u201d is not ${spec.expected}. Using ${spec.format(fallback)}, the default, instead.`,
    });
    return fallback;
  }
}
