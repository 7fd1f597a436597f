/**
 * `npm run size`: builds the site into a temporary folder (or, with `--no-build`, measures an
 * existing build: `--dir <folder>`, dist/ by default) and prints the gzip size of the JavaScript
 * and CSS the first page needs and of every lazy chunk. Exits 1 when the first page needs more
 * gzip JavaScript than the budget (scripts/lib/bundleSize.ts), 2 on a bad command line.
 */
import { checkBudget, formatReport, measureBuild } from './lib/bundleSize.ts';
import { siteFolder } from './lib/buildSite.ts';
import { parseFlags } from './lib/flags.ts';
import { UsageError } from './lib/usageError.ts';

const USAGE = 'usage: npm run size [-- --no-build [--dir <built folder, default dist>]]';

function main(argv: readonly string[]): number {
  let flags;
  try {
    flags = parseFlags(argv, { values: ['dir'], switches: ['no-build'] });
    if (flags.values.has('dir') && !flags.switches.has('no-build'))
      throw new UsageError('--dir needs --no-build');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const build = siteFolder(flags.switches.has('no-build'), flags.values.get('dir'), 'cachescope-size-');
  try {
    const report = measureBuild(build.dir);
    console.log(formatReport(report));
    const problem = checkBudget(report);
    if (problem !== undefined) {
      console.error(problem);
      return 1;
    }
    return 0;
  } finally {
    build.dispose();
  }
}

process.exitCode = main(process.argv.slice(2));
