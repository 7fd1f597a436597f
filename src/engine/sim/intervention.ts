/**
 * A change the learner makes to a run at a given step. The run is recomputed from the start with
 * the intervention applied when the step is reached, so a fork is as reproducible as the original.
 */
export type Fault = { kind: 'drop message'; messageId: number };

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
