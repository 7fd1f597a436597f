import { useRef, useState } from 'react';
import type { ConsoleExchange } from '../../engine/index.ts';
import { interpretLine } from './consoleLine.ts';
import { RedisConsole } from './RedisConsole.tsx';
import { isSubscribed, transcriptOf, type TypedLine } from './transcript.ts';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface LessonConsoleProps {
  /** What the console sent and heard in the run on screen. */
  exchanges: readonly ConsoleExchange[];
  /** Sends commands into the run (after the step on screen); returns their request ids. */
  onSend: (commands: string[][]) => number[];
}

/**
 * The console under a lesson's player. Lines it can answer itself (HELP, CLEAR, a quoting mistake)
 * never reach the simulation; everything else becomes part of the run, and the replies shown are
 * the ones the run recorded. Remount it (a `key`) when the run changes.
 */
export function LessonConsole({ exchanges, onSend }: LessonConsoleProps) {
  const [typed, setTyped] = useState<TypedLine[]>([]);
  const [clearedAt, setClearedAt] = useState(0);
  const nextId = useRef(1);
  const subscribed = isSubscribed(exchanges);

  const add = (line: WithoutId<TypedLine>) =>
    setTyped((lines) => [...lines, { ...line, id: nextId.current++ }]);

  const submit = (input: string) => {
    const intent = interpretLine(input);
    switch (intent.kind) {
      case 'nothing':
        return;
      case 'clear':
        setClearedAt(typed.length);
        return;
      case 'local':
        add({ input, kind: 'local', lines: intent.lines, tone: intent.tone });
        return;
      case 'command':
        add({ input, kind: 'sent', requestIds: onSend([intent.argv]) });
    }
  };

  // Ctrl+C leaves subscribed mode, as in redis-cli; otherwise it only clears the line.
  const interrupt = () => {
    if (subscribed)
      add({ input: '^C', kind: 'sent', requestIds: onSend([['UNSUBSCRIBE'], ['PUNSUBSCRIBE']]) });
  };

  return (
    <RedisConsole
      entries={transcriptOf(typed.slice(clearedAt), exchanges)}
      subscribed={subscribed}
      onSubmit={submit}
      onInterrupt={interrupt}
    />
  );
}
