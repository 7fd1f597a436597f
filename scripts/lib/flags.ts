/**
 * The CLI's flags: `--name value` and `--name=value`, `--name` alone for a switch, and flags that
 * may be given more than once (`--set a=1 --set b=2`). Anything else is a usage error naming the
 * argument at fault.
 */
import { DEFAULT_SEED } from '../../src/content/scenarios/index.ts';
import { UsageError } from './usageError.ts';

export interface FlagSpec {
  /** Flags that take one value, at most once. */
  values: readonly string[];
  /** Flags that take a value and may be repeated; their values are kept in order. */
  repeated?: readonly string[];
  /** Flags that take no value. */
  switches?: readonly string[];
}

export interface Flags {
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  switches: Set<string>;
}

export function parseFlags(args: readonly string[], spec: FlagSpec): Flags {
  const { values: single, repeated: many = [], switches: bare = [] } = spec;
  const flags: Flags = { values: new Map(), repeated: new Map(), switches: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (bare.includes(name)) {
      if (match[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.switches.add(name);
      continue;
    }
    if (!single.includes(name) && !many.includes(name)) throw new UsageError(`unknown flag --${name}`);
    const value = match[2] ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if (many.includes(name)) {
      flags.repeated.set(name, [...(flags.repeated.get(name) ?? []), value]);
    } else {
      if (flags.values.has(name)) throw new UsageError(`--${name} is given twice`);
      flags.values.set(name, value);
    }
  }
  return flags;
}

/** `--seed`: a whole number from 0 to 2³² − 1, or `fallback` when absent. */
export function seedFlag(flags: ReadonlyMap<string, string>, fallback = DEFAULT_SEED): number {
  const text = flags.get('seed');
  if (text === undefined) return fallback;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > 0xffffffff)
    throw new UsageError(`--seed: "${text}" is not a whole number from 0 to 4294967295`);
  return seed;
}
