import type { Keyspace } from '../keyspace.ts';
import type { Connection } from '../pubsub.ts';
import type { Reply } from '../reply.ts';

/** One command call: who asked, and the simulation metadata that travels beside it. */
export interface Call {
  connection: Connection;
  /** The DB version a SET's value came from (simulation metadata, invisible to commands). */
  version: number | null;
  /** Set by GET-like commands: the version of the value returned. */
  readVersion: number | null;
}

/** Returns the reply, or null when the replies were pushed to the connection (SUBSCRIBE …). */
export type Handler = (keyspace: Keyspace, argv: readonly string[], call: Call) => Reply | null;

export interface CommandSpec {
  /** Redis's full name, lowercase: `get`, `config|set`. Arity errors quote it. */
  name: string;
  /** Redis's arity: n means exactly n words (name included), −n means at least n. */
  arity: number;
  /** May add data: refused with OOM when memory is over the limit and nothing can be evicted. */
  denyoom?: boolean;
  /** Allowed while the connection is subscribed (RESP2). */
  pubsub?: boolean;
  run: Handler;
  subcommands?: Record<string, CommandSpec>;
}
