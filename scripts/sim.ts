/** The headless CLI: `npm run sim -- <command> …` (see scripts/lib/simCli.ts for the commands). */
import { runSimCli } from './lib/simCli.ts';

const code = runSimCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
