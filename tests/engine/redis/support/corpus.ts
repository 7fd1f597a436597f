/** Reads a corpus file: the `sim redis` stdin format (commands, `@advance <ms>`, `#` comments). */
import { readFileSync } from 'node:fs';
import { parseCommandLine } from '../../../../src/engine/redis/parser.ts';

export type CorpusStep =
  | { kind: 'command'; line: number; text: string; argv: string[] }
  | { kind: 'advance'; line: number; ms: number };

export function readCorpus(path: string): CorpusStep[] {
  const steps: CorpusStep[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const advance = /^@advance\s+(\d+)$/.exec(text);
      if (advance !== null) {
        steps.push({ kind: 'advance', line: i + 1, ms: Number(advance[1]) });
        return;
      }
      const parsed = parseCommandLine(text);
      if (!parsed.ok) throw new Error(`${path}:${i + 1}: cannot parse ${text}`);
      steps.push({ kind: 'command', line: i + 1, text, argv: parsed.argv });
    });
  return steps;
}
