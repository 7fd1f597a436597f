/**
 * `npm run sim -- lab …`: a lab scenario run headless, with the same settings the lab's form and
 * URL take, printing its totals and time series.
 */
import { parseLabSettings, runLab, type LabRun, type LabScenario } from '../../src/engine/index.ts';
import { getLabScenario, labScenarios } from '../../src/content/labs/index.ts';
import { parseFlags, seedFlag } from './flags.ts';
import { UsageError } from './usageError.ts';

/** The lines to print; throws UsageError for bad arguments (and bad settings). */
export function labLines(args: readonly string[]): string[] {
  const {
    values: flags,
    repeated,
    switches,
  } = parseFlags(args, {
    values: ['scenario', 'seed'],
    repeated: ['set'],
    switches: ['json', 'list'],
  });
  if (switches.has('list')) {
    if (flags.size > 0 || repeated.size > 0 || switches.size > 1)
      throw new UsageError('--list takes no other flag');
    return labScenarios.flatMap(listing);
  }
  const lab = labOf(flags.get('scenario'));
  const seed = seedFlag(flags);
  const given = settingsOf(lab, repeated.get('set') ?? []);
  const { values, problems } = parseLabSettings(lab, given);
  if (problems.length > 0)
    throw new UsageError(problems.map((p) => `--set ${p.parameter}: ${p.message}`).join('\n'));
  const run = runLab(lab, values, seed);
  if (switches.has('json')) {
    const { labId, summary, totals, buckets } = run;
    return [JSON.stringify({ scenario: labId, seed, settings: values, summary, totals, series: buckets })];
  }
  return summaryLines(lab, run);
}

function labOf(id: string | undefined): LabScenario {
  const known = labScenarios.map((l) => l.id).join(', ');
  if (id === undefined) throw new UsageError(`--scenario <id> is required (one of ${known})`);
  const lab = getLabScenario(id);
  if (lab === undefined) throw new UsageError(`--scenario: no lab scenario "${id}"; known: ${known}`);
  return lab;
}

/** `--set name=value`, each name at most once. */
function settingsOf(lab: LabScenario, sets: readonly string[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0)
      throw new UsageError(`--set: "${set}" is not name=value (settings of ${lab.id}: see --list)`);
    const name = set.slice(0, eq);
    if (name in given) throw new UsageError(`--set: ${name} is given twice`);
    given[name] = set.slice(eq + 1);
  }
  return given;
}

/** A lab scenario and its settings, for `--list`. */
function listing(lab: LabScenario): string[] {
  const lines = [`${lab.id}: ${lab.title}`];
  for (const p of lab.parameters) {
    const range =
      p.kind === 'number'
        ? `${p.min}…${p.max}${p.unit === '' ? '' : ` ${p.unit}`}`
        : p.choices.map((c) => c.value).join(' | ');
    const when = p.when === undefined ? '' : ` (with ${p.when.parameter}=${p.when.is.join('|')})`;
    lines.push(`  --set ${p.name}=<${range}>  default ${p.default}${when}: ${p.label}`);
  }
  return lines;
}

function summaryLines(lab: LabScenario, run: LabRun): string[] {
  const { summary: s, buckets } = run;
  const n = (x: number) => x.toLocaleString('en-US');
  const percent = (x: number | null) => (x === null ? 'none' : `${(x * 100).toFixed(1)}%`);
  const lines = [
    `${lab.title} (seed ${run.seed}, ${buckets.length} s)`,
    `requests           ${n(s.requests)}${s.failed > 0 ? ` (${n(s.failed)} failed)` : ''}`,
    `Redis hit ratio    ${percent(s.hitRatio)}`,
    `DB queries         ${n(s.dbQueries)}; busiest second ${n(s.dbPeakPerSecond)} at ${s.dbPeakAtMs / 1000} s`,
    `p99 latency        ${s.p99Ms === null ? 'none' : `${s.p99Ms} ms`}`,
    `stale reads        ${n(s.staleReads)}`,
  ];
  if (s.bloom !== null) {
    const b = s.bloom;
    lines.push(
      `Bloom filter       m = ${n(b.bits)} bits, k = ${b.hashes}, n = ${n(b.items)}; false positives: ` +
        `formula ${percent(b.formulaRate)}, measured ${percent(b.measuredRate)} ` +
        `(${n(b.absentReadsPassed)} of ${n(b.absentReads)} absent-id reads passed)`,
    );
  }
  lines.push('(--json prints the totals and the series per second)');
  return lines;
}
