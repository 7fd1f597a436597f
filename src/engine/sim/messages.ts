import type { Reply } from '../redis/reply.ts';

/** What travels between actors. Each kind matches a `MessageKind` in the trace. */
export type Payload =
  | { kind: 'read request'; requestId: number; key: string }
  | { kind: 'write request'; requestId: number; key: string; value: string }
  | {
      kind: 'response';
      requestId: number;
      op: 'read' | 'write';
      key: string;
      value: string | null;
      version: number | null;
      source: 'cache' | 'database';
    }
  | {
      kind: 'cache command';
      requestId: number;
      argv: string[];
      /** Simulation metadata: which database version the value being SET came from. */
      version?: number;
    }
  | { kind: 'cache reply'; requestId: number; command: string; reply: Reply; version: number | null }
  /** Pub/sub: a confirmation beyond a command's first, or a published message, pushed to a subscriber. */
  | { kind: 'cache push'; requestId: number; reply: Reply }
  | { kind: 'db query'; requestId: number; query: 'select'; key: string }
  | { kind: 'db query'; requestId: number; query: 'update'; key: string; value: string }
  | {
      kind: 'db result';
      requestId: number;
      query: 'select' | 'update';
      key: string;
      row: { value: string; version: number } | null;
    };

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
