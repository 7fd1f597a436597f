import type { Outbox } from '../sim/messages.ts';

/** What the engine gives every machine it wires into a run. */
export interface ActorInput {
  id: string;
  /** Where the machine's messages and step notes go (the engine's network and recorder). */
  outbox: Outbox;
  /** Whether to describe each step (`note` events); off for metrics runs, which only count. */
  narrate: boolean;
  /** Virtual time now, for what a machine times itself (a local cache's TTLs). */
  now: () => number;
}
