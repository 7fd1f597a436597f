import type { Reply } from '../redis/reply.ts';
import type { InvalidationEvent } from './scenario.ts';

export type ClientOp = 'read' | 'write' | 'login' | 'page' | 'chat';

/** A row as the database stores it, plus what committed it (the checker follows writes by it). */
export interface RowResult {
  value: string;
  version: number;
}

/** What travels between actors. Each kind matches a `MessageKind` in the trace. */
export type Payload =
  // Client ↔ app node (through the load balancer when there is one).
  | { kind: 'read request'; requestId: number; key: string }
  | { kind: 'write request'; requestId: number; key: string; value: string }
  | { kind: 'login request'; requestId: number; user: string }
  | { kind: 'page request'; requestId: number; page: string; session: string | null }
  | { kind: 'chat post'; requestId: number; room: string; text: string }
  | {
      kind: 'response';
      requestId: number;
      op: ClientOp;
      /** The key read or written; the user for a login; the page; the chat room. */
      key: string;
      /** The value read or written; the session id after a login; the user a page was shown to. */
      value: string | null;
      version: number | null;
      source: 'local cache' | 'cache' | 'database' | 'session' | 'none';
      /** False when the request failed (a failed commit; a page for a user who is not logged in). */
      ok: boolean;
    }
  /** A chat message an app node pushes down a client's socket. */
  | { kind: 'chat message'; requestId: number; room: string; text: string }

  // App node ↔ cache.
  | {
      kind: 'cache command';
      requestId: number;
      argv: string[];
      /** Simulation metadata: which database version the value being SET came from. */
      version?: number | undefined;
      /** `version-cas`: keep this SET only if the cache holds no newer version of the key. */
      ifNewer?: boolean | undefined;
      /** `lease`: a GET that misses hands out a lease; a SET must bring back a valid one. */
      lease?: 'request' | number | undefined;
      /** `read-through`: on a miss, the cache loads the key from the database with this TTL. */
      loadOnMiss?: { ttlSeconds: number } | undefined;
      /** `write-behind`: the cache writes this value to the database later, in a batch. */
      writeBehind?: boolean | undefined;
      /** Which of the sender's connections: app nodes subscribe on a second one, as real clients do. */
      connection?: 'main' | 'subscriber' | undefined;
      /**
       * A GET that also asks for the key's remaining TTL and stored recompute time, as a client does
       * by sending GET and PTTL in one round trip (XFetch and stale-while-revalidate need the expiry).
       */
      withTtl?: boolean | undefined;
      /** XFetch: a SET also stores Δ, the milliseconds the value took to load, beside the value. */
      recomputeMs?: number | undefined;
      /**
       * A compare-and-delete: the DEL removes the key only while it still holds this value (the
       * small Lua script a lock is released with, so a holder never deletes another's lock).
       */
      onlyIfValue?: string | undefined;
    }
  | {
      kind: 'cache reply';
      requestId: number;
      command: string;
      reply: Reply;
      version: number | null;
      /** The lease token a GET miss handed out, with `lease: 'request'`. */
      lease?: number | undefined;
      /** With `withTtl`, on a hit: the milliseconds the key has left (null: no TTL), as PTTL says. */
      ttlMs?: number | null | undefined;
      /** With `withTtl`, on a hit: the Δ stored with the value by its fill (null: none stored). */
      recomputeMs?: number | null | undefined;
    }
  /** Pub/sub: a confirmation beyond a command's first, or a published message, pushed to a subscriber. */
  | { kind: 'cache push'; requestId: number; reply: Reply }

  // Anyone ↔ database.
  | { kind: 'db query'; requestId: number; query: 'select'; key: string }
  | {
      kind: 'db query';
      requestId: number;
      query: 'update';
      key: string;
      value: string;
      /**
       * `outbox`: also insert an invalidation event for the new version, in the same transaction;
       * the database names it `<key>#v<version>`.
       */
      outbox?: { schema: number } | undefined;
    }
  /** Write-behind: several rows in one transaction, each with the request that wrote it. */
  | {
      kind: 'db query';
      requestId: number;
      query: 'update batch';
      rows: { key: string; value: string; requestId: number }[];
    }
  /** The relay asks for the outbox rows not yet published, oldest first. */
  | { kind: 'db query'; requestId: number; query: 'outbox pending' }
  /** The relay marks an outbox row as published. */
  | { kind: 'db query'; requestId: number; query: 'outbox published'; eventId: string }
  | {
      kind: 'db result';
      requestId: number;
      query: 'select' | 'update';
      key: string;
      row: RowResult | null;
      /** Why the query failed (an update that did not commit); absent on success. */
      error?: string | undefined;
    }
  | { kind: 'db result'; requestId: number; query: 'update batch'; rows: ({ key: string } & RowResult)[] }
  | { kind: 'db result'; requestId: number; query: 'outbox pending'; events: InvalidationEvent[] }
  | { kind: 'db result'; requestId: number; query: 'outbox published'; eventId: string }
  /** Change data capture: the database tells the relay an outbox row has committed. */
  | { kind: 'outbox row'; requestId: number; event: InvalidationEvent }

  // Event-driven invalidation.
  | { kind: 'event publish'; requestId: number; event: InvalidationEvent }
  | { kind: 'event stored'; requestId: number; eventId: string }
  | { kind: 'event delivery'; requestId: number; event: InvalidationEvent; attempt: number }
  | {
      kind: 'event result';
      requestId: number;
      eventId: string;
      /** `done`: processed; `duplicate`: seen before and skipped; `failed`: could not be processed. */
      outcome: 'done' | 'duplicate' | 'failed';
    }
  | { kind: 'dead letter'; requestId: number; event: InvalidationEvent; attempts: number };

export interface Message {
  id: number;
  from: string;
  to: string;
  sendTime: number;
  recvTime: number;
  payload: Payload;
}

/** Events the engine sends into actors. */
export type DeliveryEvent = { type: 'message'; message: Message };

/** What actors hand the engine through their outbox: messages to send, and what to say about a step. */
export type SendRequest = { type: 'send'; to: string; payload: Payload };
export type StepNote = {
  type: 'note';
  key: string;
  params: Record<string, string | number>;
  code?: string;
};

/**
 * How a machine hands the engine what it sends and says. A plain function the machine's actions
 * call: cheaper than XState's `emit`, which every event pays for several times over.
 */
export type Outbox = (event: SendRequest | StepNote) => void;

/** What to say about a step: a narration key, its parameters, and the lesson code line it runs. */
export function note(key: string, params: Record<string, string | number>, code?: string): StepNote {
  return code === undefined ? { type: 'note', key, params } : { type: 'note', key, params, code };
}
