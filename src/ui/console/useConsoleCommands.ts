import { useState } from 'react';
import type { ConsoleCommand } from '../../engine/index.ts';

const NONE: readonly ConsoleCommand[] = [];

/**
 * The lines typed into the console for one run (scenario and seed): a new run starts with none.
 * `add` returns the request ids the engine will give them (the n-th console command gets −n).
 */
export function useConsoleCommands(runKey: string) {
  const [typed, setTyped] = useState<{ runKey: string; commands: readonly ConsoleCommand[] }>({
    runKey,
    commands: NONE,
  });
  const commands = typed.runKey === runKey ? typed.commands : NONE;
  const add = (atStep: number, argvs: readonly string[][]) => {
    const next = [...commands, ...argvs.map((argv) => ({ atStep, argv }))];
    setTyped({ runKey, commands: next });
    return { commands: next, requestIds: argvs.map((_, i) => -(commands.length + i + 1)) };
  };
  return { commands, add };
}
