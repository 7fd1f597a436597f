import { parseCommandLine } from '../../engine/index.ts';
import { commandHelp, helpFor } from '../../content/index.ts';

/** What a line typed into the console asks for. Only `command` goes to the simulated cache. */
export type ConsoleIntent =
  | { kind: 'nothing' }
  | { kind: 'clear' }
  | { kind: 'local'; lines: string[]; tone: 'info' | 'error' }
  | { kind: 'command'; argv: string[] };

/** Reads a line the way redis-cli does, answering CLEAR and HELP itself. */
export function interpretLine(line: string): ConsoleIntent {
  const parsed = parseCommandLine(line);
  // redis-cli prints this for an unbalanced quote and sends nothing.
  if (!parsed.ok) return { kind: 'local', lines: [parsed.error], tone: 'error' };
  const [first, ...rest] = parsed.argv;
  if (first === undefined) return { kind: 'nothing' };
  const name = first.toUpperCase();
  if (name === 'CLEAR' && rest.length === 0) return { kind: 'clear' };
  if (name === 'HELP') return { kind: 'local', lines: helpLines(rest.join(' ')), tone: 'info' };
  return { kind: 'command', argv: parsed.argv };
}

function helpLines(topic: string): string[] {
  if (topic === '') {
    return [
      'Type a Redis command and press Enter: it runs against the cache in this simulation.',
      'HELP <command> shows its syntax (try HELP SET). Tab completes a command name;',
      '↑ and ↓ walk through earlier commands; CLEAR clears the screen.',
    ];
  }
  const entry = helpFor(topic);
  if (entry === undefined) return [`No help for "${topic}". Type HELP for how the console works.`];
  return [
    `  ${entry.name} ${entry.syntax}`.trimEnd(),
    `  summary: ${entry.summary}`,
    `  group: ${entry.group}`,
  ];
}

/** Command names for Tab completion: the first word of every command the console knows. */
export const COMMAND_WORDS: readonly string[] = [
  ...new Set(commandHelp.map((c) => c.name.split(' ')[0] ?? c.name)),
]
  .concat(['HELP', 'CLEAR'])
  .sort();

export interface Completion {
  /** The input after completion (unchanged when nothing fits or several fit equally far). */
  value: string;
  /** Every command that fits, shown when the choice is not unique. */
  candidates: string[];
}

/** Completes the command name being typed (the first word), as far as it is unambiguous. */
export function completeCommand(input: string): Completion {
  if (/\s/.test(input.trimStart()) || input.trim() === '') return { value: input, candidates: [] };
  const typed = input.trim().toUpperCase();
  const candidates = COMMAND_WORDS.filter((word) => word.startsWith(typed));
  if (candidates.length === 0) return { value: input, candidates };
  if (candidates.length === 1) return { value: `${candidates[0]} `, candidates };
  const shared = commonPrefix(candidates);
  return { value: shared.length > typed.length ? shared : input, candidates };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** ↑/↓ through earlier lines, like a shell: the line being typed is kept while you look back. */
export class CommandHistory {
  private readonly lines: string[] = [];
  private cursor = 0;
  private draft = '';

  add(line: string): void {
    if (line.trim() !== '' && this.lines.at(-1) !== line) this.lines.push(line);
    this.cursor = this.lines.length;
    this.draft = '';
  }

  older(current: string): string {
    if (this.cursor === this.lines.length) this.draft = current;
    if (this.cursor > 0) this.cursor--;
    return this.lines[this.cursor] ?? current;
  }

  newer(): string {
    if (this.cursor < this.lines.length) this.cursor++;
    return this.cursor === this.lines.length ? this.draft : (this.lines[this.cursor] ?? this.draft);
  }
}
