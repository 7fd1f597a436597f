import { exploreRace, racePairOf, runScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarios, DEFAULT_SEED } from '../../src/content/scenarios/index.ts';
import { hitRatioLines } from './hitratioCli.ts';
import { parseRedisCliFlags, runRedisScript } from './redisCli.ts';
import { UsageError } from './usageError.ts';

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input; throws when it cannot be read. Only `redis` reads it. */
  input?(): string;
}

export const USAGE = `usage:
  npm run sim -- scenarios
      list the scenario ids, one per line
  npm run sim -- trace --scenario <id> [--seed <0..4294967295>] [--record frames|metrics]
      run a scenario and print its trace as JSON (frames and totals)
  npm run sim -- race --scenario <id> [--seed <0..4294967295>]
      run every interleaving of the scenario's two racing operations at the cache and the database,
      and print one line per interleaving (its steps, and whether it ends stale), then the count
  npm run sim -- redis [--json] [--time-step-ms <ms>]
      run Redis commands from stdin, one per line (redis-cli quoting), against a fresh keyspace on
      virtual time, printing each reply as redis-cli does (--json: one {"type","value"} per line);
      \`@advance <ms>\` moves virtual time; blank lines and lines starting with # are skipped
  npm run sim -- hitratio --policy <lru|lfu|fifo|random|redis-lru|redis-lfu>
                          (--size <keys> | --sizes <keys,keys,…>)
                          (--trace <file> | --zipf <alpha> --keys <N> --requests <R>) [--seed <S>]
      simulate an empty cache of that many keys on the engine's keyspace (a GET per key, a SET on
      a miss; cold misses count) and print {"policy","size","requests","hits","misses","missRatio"}
      as JSON, one line per size; --trace reads one key per line, --zipf draws R requests over
      key:1…key:N with Zipf(alpha) popularity; --seed (default 1) seeds that draw and the cache's
      random eviction and sampling (redis-lru and redis-lfu are Redis's sampled approximations)

Use \`npm run -s sim -- …\` to keep npm's own header lines out of the output when piping it.`;

/**
 * Runs the CLI with the arguments after `sim`; returns the exit code (0 ok, 1 stdin unreadable,
 * 2 bad arguments).
 */
export function runSimCli(argv: readonly string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'scenarios':
        parseFlags(rest, []);
        io.out(scenarios.map((s) => s.id).join('\n'));
        return 0;
      case 'trace': {
        const flags = parseFlags(rest, ['scenario', 'seed', 'record']);
        io.out(JSON.stringify(traceFor(flags)));
        return 0;
      }
      case 'race': {
        const flags = parseFlags(rest, ['scenario', 'seed']);
        io.out(raceLines(scenarioOf(flags), seedOf(flags)).join('\n'));
        return 0;
      }
      case 'redis': {
        const options = parseRedisCliFlags(rest);
        let input: string;
        try {
          input = io.input?.() ?? '';
        } catch (error) {
          io.err(
            `sim redis: cannot read standard input: ${error instanceof Error ? error.message : String(error)}`,
          );
          return 1;
        }
        const lines = runRedisScript(input, options);
        if (lines.length > 0) io.out(lines.join('\n'));
        return 0;
      }
      case 'hitratio':
        io.out(hitRatioLines(rest).join('\n'));
        return 0;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`sim: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

function scenarioOf(flags: Map<string, string>): Scenario {
  const id = flags.get('scenario');
  if (id === undefined) throw new UsageError('--scenario <id> is required');
  const scenario = getScenario(id);
  if (scenario === undefined) {
    throw new UsageError(`--scenario: no scenario "${id}"; known: ${scenarios.map((s) => s.id).join(', ')}`);
  }
  return scenario;
}

function seedOf(flags: Map<string, string>): number {
  const seedText = flags.get('seed') ?? String(DEFAULT_SEED);
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || seed > 0xffffffff) {
    throw new UsageError(`--seed: "${seedText}" is not a whole number from 0 to 4294967295`);
  }
  return seed;
}

/** `stale  1.1.2.2.1  Bob GET miss | …` per interleaving, then how many end stale. */
function raceLines(scenario: Scenario, seed: number): string[] {
  const pair = racePairOf(scenario);
  if (!pair.ok) throw new UsageError(`--scenario: ${scenario.id}: ${pair.reason}`);
  const exploration = exploreRace(scenario, { seed });
  const labels = new Map(exploration.operations.map((o) => [o.requestId, o.clientLabel]));
  const lines = exploration.runs.map(
    (run) =>
      `${run.outcome.padEnd(5)}  ${run.order.join('.')}  ${run.steps
        .map((step) => `${labels.get(step.requestId) ?? step.requestId} ${step.label}`)
        .join(' | ')}`,
  );
  const bound = exploration.complete
    ? 'every interleaving'
    : `stopped at the bound of ${exploration.maxRuns}`;
  lines.push(`${exploration.staleRuns} of ${exploration.runs.length} interleavings end stale (${bound})`);
  return lines;
}

function traceFor(flags: Map<string, string>) {
  const scenario = scenarioOf(flags);
  const seed = seedOf(flags);
  const record = flags.get('record') ?? 'frames';
  if (record !== 'frames' && record !== 'metrics') {
    throw new UsageError(`--record: "${record}" is neither frames nor metrics`);
  }
  return runScenario(scenario, { seed, record });
}

/** `--name value` and `--name=value` pairs; anything else is a usage error naming the culprit. */
function parseFlags(args: readonly string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1] as string;
    if (!known.includes(name)) throw new UsageError(`unknown flag --${name}`);
    const value = match[2] ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}
