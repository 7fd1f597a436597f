/**
 * `npm run lab -- <lab-id>` starts a code lab against real servers; `npm run lab -- --list` lists
 * them (see scripts/lib/labCommand.ts). Exit codes: 0 stopped by Ctrl+C, 1 could not start,
 * 2 bad arguments.
 *
 * package.json runs it as `node --import tsx scripts/lab.ts`, not `tsx scripts/lab.ts`: the tsx
 * command runs the script in a child process and SIGKILLs it when it does not acknowledge a
 * relayed Ctrl+C within 30 ms, which on a busy machine cut the servers' shutdown short.
 */
import { LAB_USAGE, labListLines, parseLabArgs, startLabSession } from './lib/labCommand.ts';
import { MissingServerError } from './lib/labServers.ts';
import { UsageError } from './lib/usageError.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

let command;
try {
  command = parseLabArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  err(`lab: ${error.message}\n\n${LAB_USAGE}`);
  process.exit(2);
}

if (command.kind === 'list') {
  out(labListLines().join('\n'));
  process.exit(0);
}

const { lab, port } = command;
let session;
try {
  session = await startLabSession(lab, port, process.env, (text) => err(`lab: ${text}`));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  err(error instanceof MissingServerError ? `lab: ${message}` : `lab: ${lab.id} did not start: ${message}`);
  process.exit(1);
}

const running = session;
// Whatever happens, the throwaway servers do not outlive this process.
process.on('exit', () => running.stopSync());
out(running.lines.join('\n'));

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // npm, tsx and the terminal may each pass the same Ctrl+C on: the first one counts.
  if (stopping) return;
  stopping = true;
  err(`\nlab: ${signal}: stopping ${lab.id}…`);
  const deadline = setTimeout(() => {
    err('lab: still not stopped after 20 s; killing the servers');
    process.exit(1);
  }, 20_000);
  deadline.unref();
  running.stop().then(
    () => {
      err('lab: stopped.');
      process.exit(0);
    },
    (error: unknown) => {
      err(`lab: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
