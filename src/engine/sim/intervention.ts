import type { MessageKind } from './trace.ts';

/**
 * Something that goes wrong, as data. A scenario applies faults at virtual times; the learner applies
 * them at steps (an intervention), and the run is recomputed from the start with them, so a fork is
 * as reproducible as the original.
 */
export type Fault =
  /** Lose one particular message that is in flight. */
  | { kind: 'drop message'; messageId: number }
  /** Lose the next message sent from `from` to `to` (of `messageKind`, when given). */
  | { kind: 'drop next message'; from: string; to: string; messageKind?: MessageKind | undefined }
  /** Add `extraMs` to every later message between `a` and `b`, both ways. */
  | { kind: 'delay link'; a: string; b: string; extraMs: number }
  /** Stop a node: it loses everything in memory, and messages that reach it are lost. */
  | { kind: 'crash'; node: string }
  /** Start a crashed node again, empty. */
  | { kind: 'restart'; node: string }
  /** Cut `nodes` off from everyone else: messages between the two sides are lost. */
  | { kind: 'partition'; nodes: string[] }
  /** End every partition. */
  | { kind: 'heal' }
  /** Every later query takes `extraMs` longer. */
  | { kind: 'slow database'; extraMs: number }
  /** The next `count` updates fail instead of committing. */
  | { kind: 'fail database writes'; count: number };

export type FaultKind = Fault['kind'];

/** A line typed into the console: its arguments, sent after the frame `atStep`. */
export interface ConsoleCommand {
  atStep: number;
  argv: string[];
}

export interface Intervention {
  /** The frame index after which the fault applies. */
  atStep: number;
  fault: Fault;
}
