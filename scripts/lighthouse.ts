/**
 * `npm run lighthouse`: builds the site into a temporary folder (or, with `--no-build`, uses an
 * existing build: `--dir <folder>`, dist/ by default), serves it on a free loopback port
 * (scripts/lib/staticServer.ts), and runs Lighthouse's default (mobile) config in headless
 * Chromium on the roadmap and a lesson page. Prints the four category scores per page; exits 1
 * when performance is under 95 or accessibility, best practices or SEO under 100, listing the
 * audits that cost points, and 2 on a bad command line. `--runs <n>` runs each page n times and
 * keeps the run with the median performance score (the figure moves with the machine's load).
 * Every kept report is written to reports/lighthouse/<page>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { siteFolder } from './lib/buildSite.ts';
import { parseFlags } from './lib/flags.ts';
import { startStaticServer } from './lib/staticServer.ts';
import { UsageError } from './lib/usageError.ts';

const USAGE =
  'usage: npm run lighthouse [-- [--no-build [--dir <built folder, default dist>]] [--runs <1..9>]]';

const PAGES = [
  { name: 'roadmap', path: '#/' },
  { name: 'lesson-cache-aside', path: '#/lessons/cache-aside' },
] as const;

/** The lowest passing score of each category, out of 100. */
const BARS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type CategoryId = keyof typeof BARS;
const CATEGORIES = Object.keys(BARS) as CategoryId[];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface PageResult {
  name: string;
  url: string;
  lhr: Result;
  /** Each run's performance score, in the order run. */
  performanceRuns: number[];
}

const score = (lhr: Result, id: CategoryId): number | null => {
  const value = lhr.categories[id]?.score;
  return value === null || value === undefined ? null : Math.round(value * 100);
};

/** The audits of a category that scored under 1 (weighted ones first), as printable lines. */
function costlyAudits(lhr: Result, id: CategoryId): string[] {
  const category = lhr.categories[id];
  if (category === undefined) return [`  (no ${id} category in the report)`];
  return category.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit !== undefined &&
        audit.score !== null &&
        audit.score < 1 &&
        ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight || (a.audit?.score ?? 0) - (b.audit?.score ?? 0))
    .map(({ ref, audit }) => {
      const shown = audit?.displayValue ? ` — ${audit.displayValue}` : '';
      const weight = ref.weight > 0 ? ` (weight ${ref.weight})` : '';
      return `  ${ref.id}: ${audit?.title ?? ''} — score ${audit?.score?.toFixed(2)}${shown}${weight}`;
    });
}

function table(results: readonly PageResult[]): string {
  const header = ['page', ...CATEGORIES];
  const rows = results.map((r) => [
    r.name + (r.performanceRuns.length > 1 ? ` (perf runs: ${r.performanceRuns.join(', ')})` : ''),
    ...CATEGORIES.map((id) => String(score(r.lhr, id) ?? 'n/a')),
  ]);
  rows.push(['bar (at least)', ...CATEGORIES.map((id) => String(BARS[id]))]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let flags;
  let runs: number;
  try {
    flags = parseFlags(argv, { values: ['dir', 'runs'], switches: ['no-build'] });
    if (flags.values.has('dir') && !flags.switches.has('no-build'))
      throw new UsageError('--dir needs --no-build');
    const runsText = flags.values.get('runs') ?? '1';
    runs = Number(runsText);
    if (!/^[1-9]$/.test(runsText))
      throw new UsageError(`--runs: "${runsText}" is not a whole number from 1 to 9`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }

  const build = siteFolder(flags.switches.has('no-build'), flags.values.get('dir'), 'cachescope-lighthouse-');
  const server = await startStaticServer(build.dir);
  const chrome = await chromeLauncher.launch({
    ...(existsSync(SYSTEM_CHROMIUM) ? { chromePath: SYSTEM_CHROMIUM } : {}),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  const results: PageResult[] = [];
  try {
    console.error(`serving ${build.dir} at ${server.url}; Chromium on port ${chrome.port}`);
    for (const page of PAGES) {
      const url = `${server.url}${page.path}`;
      const kept: Result[] = [];
      for (let run = 0; run < runs; run++) {
        console.error(`lighthouse ${url}${runs > 1 ? ` (run ${run + 1} of ${runs})` : ''} …`);
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error' },
          undefined,
        );
        if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`);
        if (result.lhr.runtimeError)
          throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.message}`);
        kept.push(result.lhr);
      }
      const performanceRuns = kept.map((lhr) => score(lhr, 'performance') ?? 0);
      const median = [...kept].sort(
        (a, b) => (score(a, 'performance') ?? 0) - (score(b, 'performance') ?? 0),
      )[Math.floor(kept.length / 2)] as Result;
      results.push({ name: page.name, url, lhr: median, performanceRuns });
    }
  } finally {
    chrome.kill();
    await server.close();
    build.dispose();
  }

  const out = join('reports', 'lighthouse');
  mkdirSync(out, { recursive: true });
  for (const r of results) writeFileSync(join(out, `${r.name}.json`), JSON.stringify(r.lhr, null, 2));

  console.log(table(results));
  console.log(`(Lighthouse ${results[0]?.lhr.lighthouseVersion}, mobile preset; reports in ${out}/)`);
  const failures: string[] = [];
  for (const r of results) {
    for (const id of CATEGORIES) {
      const value = score(r.lhr, id);
      if (value !== null && value >= BARS[id]) continue;
      failures.push(
        `${r.name}: ${id} ${value ?? 'n/a'} is under its bar of ${BARS[id]}; audits that cost points:`,
      );
      failures.push(...costlyAudits(r.lhr, id));
    }
  }
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
