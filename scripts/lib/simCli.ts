import { exploreRace, racePairOf, runScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { getScenario, scenarios } from '../../src/content/scenarios/index.ts';
import { parseFlags, seedFlag } from './flags.ts';
import { hitRatioLines } from './hitratioCli.ts';
import { labLines } from './labCli.ts';
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
  npm run sim -- lab --scenario <id> [--set <name>=<value> …] [--seed <S>] [--json]
      run a load-lab scenario (a topology under a seeded load, counted per virtual second) with
      the settings given and print its summary, or with --json one object: {"scenario","seed",
      "settings","summary","totals","series"}, the series one entry per virtual second
  npm run sim -- lab --list
      list the lab scenarios and the settings each takes, with their ranges and defaults

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
        parseFlags(rest, { values: [] });
        io.out(scenarios.map((s) => s.id).join('\n'));
        return 0;
      case 'trace': {
        const flags = parseFlags(rest, { values: ['scenario', 'seed', 'record'] }).values;
        io.out(JSON.stringify(traceFor(flags)));
        return 0;
      }
      case 'race': {
        const flags = parseFlags(rest, { values: ['scenario', 'seed'] }).values;
        io.out(raceLines(scenarioOf(flags), seedFlag(flags)).join('\n'));
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
      case 'lab':
        io.out(labLines(rest).join('\n'));
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
  const seed = seedFlag(flags);
  const record = flags.get('record') ?? 'frames';
  if (record !== 'frames' && record !== 'metrics') {
    throw new UsageError(`--record: "${record}" is neither frames nor metrics`);
  }
  return runScenario(scenario, { seed, record });
}
