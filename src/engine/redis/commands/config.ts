/**
 * CONFIG GET / CONFIG SET for the settings a caching lesson needs: maxmemory, maxmemory-policy,
 * maxmemory-samples, lfu-log-factor, lfu-decay-time. Values, validation and error texts are
 * Redis 7's; other parameters are unknown here (GET matches nothing, SET is an error).
 */
import { globMatch } from '../glob.ts';
import type { Keyspace } from '../keyspace.ts';
import { isRedisPolicy, REDIS_POLICIES, type EvictionConfig } from '../eviction/policy.ts';
import { bulks, error, OK, type Reply } from '../reply.ts';
import type { CommandSpec } from './types.ts';

interface Parameter {
  name: string;
  get(config: EvictionConfig): string;
  /** The change, or the reason it is refused (Redis's wording after " - "). */
  parse(value: string): Partial<EvictionConfig> | string;
}

const INT_MAX = 2147483647;

function intParameter(
  name: string,
  key: 'samples' | 'lfuLogFactor' | 'lfuDecayTime',
  min: number,
): Parameter {
  return {
    name,
    get: (c) => String(c[key]),
    parse: (value) => {
      if (!/^-?\d+$/.test(value)) return "argument couldn't be parsed into an integer";
      const n = Number(value);
      if (n < min || n > INT_MAX) return `argument must be between ${min} and ${INT_MAX} inclusive`;
      return { [key]: n };
    },
  };
}

/** Redis's memtoull: digits with an optional unit b, k, kb, m, mb, g, gb (case-insensitive). */
function memoryValue(text: string): number | null {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(text);
  if (m === null) return null;
  const units: Record<string, number> = {
    b: 1,
    k: 1e3,
    kb: 1024,
    m: 1e6,
    mb: 1024 ** 2,
    g: 1e9,
    gb: 1024 ** 3,
  };
  return Number(m[1]) * (units[(m[2] ?? 'b').toLowerCase()] ?? 1);
}

const PARAMETERS: Parameter[] = [
  intParameter('maxmemory-samples', 'samples', 1),
  {
    name: 'maxmemory',
    get: (c) => String(c.maxmemory),
    parse: (value) => {
      const n = memoryValue(value);
      return n === null ? 'argument must be a memory value' : { maxmemory: n };
    },
  },
  {
    name: 'maxmemory-policy',
    get: (c) => c.policy,
    parse: (value) => {
      const policy = value.toLowerCase();
      return isRedisPolicy(policy)
        ? { policy }
        : `argument(s) must be one of the following: ${REDIS_POLICIES.join(', ')}`;
    },
  },
  intParameter('lfu-log-factor', 'lfuLogFactor', 0),
  intParameter('lfu-decay-time', 'lfuDecayTime', 0),
];

/**
 * CONFIG GET: a plain name (no glob characters) is looked up case-insensitively and echoed as the
 * caller wrote it, as Redis 7 does; a pattern returns each matching parameter once.
 */
function configGet(ks: Keyspace, argv: readonly string[]): Reply {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const pattern of argv.slice(2)) {
    const plain = !/[*?[]/.test(pattern);
    for (const p of PARAMETERS) {
      if (seen.has(p.name)) continue;
      if (plain ? p.name === pattern.toLowerCase() : globMatch(pattern.toLowerCase(), p.name)) {
        seen.add(p.name);
        out.push(plain ? pattern : p.name, p.get(ks.config));
      }
    }
  }
  return bulks(out);
}

function configSet(ks: Keyspace, argv: readonly string[]): Reply {
  if (argv.length % 2 === 1) return error("ERR wrong number of arguments for 'config|set' command");
  const changes: Partial<EvictionConfig> = {};
  for (let i = 2; i < argv.length; i += 2) {
    const name = (argv[i] as string).toLowerCase();
    const p = PARAMETERS.find((x) => x.name === name);
    if (p === undefined)
      return error(`ERR Unknown option or number of arguments for CONFIG SET - '${argv[i] as string}'`);
    const change = p.parse(argv[i + 1] as string);
    if (typeof change === 'string') {
      return error(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${change}`);
    }
    Object.assign(changes, change);
  }
  ks.configure(changes);
  // Lowering maxmemory evicts at once, as Redis 7 does.
  ks.evictUntilUnderLimit();
  return OK;
}

export const configCommand: CommandSpec = {
  name: 'config',
  arity: -2,
  run: () => OK,
  subcommands: {
    get: { name: 'config|get', arity: -3, run: configGet },
    set: { name: 'config|set', arity: -4, run: configSet },
  },
};
