/** Server commands: PING, ECHO, INFO, OBJECT FREQ/IDLETIME, MEMORY USAGE, COMMAND COUNT. */
import { estimateIdleMs, lfuDecayed } from '../eviction/clocks.ts';
import { isLfuPolicy } from '../eviction/policy.ts';
import type { Keyspace } from '../keyspace.ts';
import { array, bulk, error, integer, NIL, status, type Reply } from '../reply.ts';
import { SYNTAX_ERROR, arityError, NOT_AN_INTEGER } from './errors.ts';
import { parseInt64 } from '../int64.ts';
import type { CommandSpec } from './types.ts';

const POLICY_SWITCH_NOTE =
  'Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';

function info(ks: Keyspace, argv: readonly string[]): Reply {
  const sections = argv.slice(1).map((s) => s.toLowerCase());
  const all =
    sections.length === 0 || sections.some((s) => s === 'all' || s === 'default' || s === 'everything');
  const wanted = (name: string) => all || sections.includes(name);
  const { stats, config } = ks;
  const parts: string[] = [];
  if (wanted('memory')) {
    parts.push(
      `# Memory\r\nused_memory:${ks.usedMemory}\r\nused_memory_human:${human(ks.usedMemory)}\r\n` +
        `maxmemory:${config.maxmemory}\r\nmaxmemory_human:${human(config.maxmemory)}\r\n` +
        `maxmemory_policy:${config.policy}\r\n`,
    );
  }
  if (wanted('stats')) {
    parts.push(
      `# Stats\r\nexpired_keys:${stats.expiredKeys}\r\nevicted_keys:${stats.evictedKeys}\r\n` +
        `keyspace_hits:${stats.hits}\r\nkeyspace_misses:${stats.misses}\r\n`,
    );
  }
  if (wanted('keyspace')) {
    const keys = ks.size;
    const expires = ks.volatile.size;
    parts.push(`# Keyspace\r\n${keys > 0 ? `db0:keys=${keys},expires=${expires},avg_ttl=0\r\n` : ''}`);
  }
  return bulk(parts.join('\r\n'));
}

/** Redis's bytesToHuman: B, K, M, G with two decimals. */
function human(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(2)}K`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(2)}M`;
  return `${(bytes / 1024 ** 3).toFixed(2)}G`;
}

export const serverCommands: CommandSpec[] = [
  {
    name: 'ping',
    arity: -1,
    pubsub: true,
    run: (_ks, argv, call) => {
      if (argv.length > 2) return arityError('ping');
      // A subscribed RESP2 connection gets PING's answer in the push format.
      if (call.connection.subscribed) return array([bulk('pong'), bulk(argv[1] ?? '')]);
      return argv.length === 2 ? bulk(argv[1] as string) : status('PONG');
    },
  },
  { name: 'echo', arity: 2, run: (_ks, argv) => bulk(argv[1] as string) },
  { name: 'info', arity: -1, run: info },
  {
    name: 'object',
    arity: -2,
    run: () => NIL,
    subcommands: {
      freq: {
        name: 'object|freq',
        arity: 3,
        run: (ks, argv) => {
          const entry = ks.find(argv[2] as string);
          if (entry === undefined) return NIL;
          if (!isLfuPolicy(ks.config.policy)) {
            return error(
              `ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${POLICY_SWITCH_NOTE}`,
            );
          }
          return integer(lfuDecayed(entry.lru, ks.now(), ks.config.lfuDecayTime));
        },
      },
      idletime: {
        name: 'object|idletime',
        arity: 3,
        run: (ks, argv) => {
          const entry = ks.find(argv[2] as string);
          if (entry === undefined) return NIL;
          if (isLfuPolicy(ks.config.policy)) {
            return error(
              `ERR An LFU maxmemory policy is selected, idle time not tracked. ${POLICY_SWITCH_NOTE}`,
            );
          }
          return integer(Math.floor(estimateIdleMs(entry.lru, ks.now()) / 1000));
        },
      },
    },
  },
  {
    name: 'memory',
    arity: -2,
    run: () => NIL,
    subcommands: {
      usage: {
        name: 'memory|usage',
        arity: -3,
        run: (ks, argv) => {
          for (let i = 3; i < argv.length; i += 2) {
            if ((argv[i] as string).toLowerCase() !== 'samples' || argv[i + 1] === undefined)
              return SYNTAX_ERROR;
            if (parseInt64(argv[i + 1] as string) === null) return NOT_AN_INTEGER;
          }
          const entry = ks.find(argv[2] as string);
          return entry === undefined ? NIL : integer(entry.bytes);
        },
      },
    },
  },
];
