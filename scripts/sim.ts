/** The headless CLI: `npm run sim -- <command> …` (see scripts/lib/simCli.ts for the commands). */
import { readFileSync } from 'node:fs';
import { runSimCli } from './lib/simCli.ts';

const code = runSimCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // Read only when a command asks (`redis`), so the others never wait on a terminal.
  input: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
