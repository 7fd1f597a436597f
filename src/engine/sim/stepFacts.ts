import type { Fault } from './intervention.ts';
import type { FaultOutcome } from './faults.ts';
import type { Payload } from './messages.ts';
import type { StepFacts } from './recorder.ts';
import { CACHE_ID, CONSOLE_ID } from './scenario.ts';
import type { World, Entry } from './world.ts';

/** What the frame for a delivered event says happened (frames mode only). */
export function factsOf(world: World, entry: Entry): StepFacts {
  switch (entry.kind) {
    case 'deliver':
      return {
        cause: { kind: 'message delivered', messageId: entry.message.id, actor: entry.message.to },
        actor: entry.message.to,
        delivered: entry.message,
        note: world.note,
        requestId: requestOf(entry.message.payload),
      };
    case 'timer':
      return {
        cause: { kind: 'timer fired', actor: entry.actor },
        actor: entry.actor,
        delivered: null,
        note: world.note,
        requestId: world.sentThisStep[0]?.payload.requestId ?? null,
      };
    case 'issue':
    case 'arrival':
      return {
        cause: { kind: 'operation issued', actor: entry.client },
        actor: entry.client,
        delivered: null,
        note: world.note,
        requestId: entry.operation.requestId,
      };
    case 'console':
      return {
        cause: { kind: 'operation issued', actor: CONSOLE_ID },
        actor: CONSOLE_ID,
        delivered: null,
        note: world.note,
        requestId: entry.command.requestId,
      };
    case 'fault':
      throw new Error('a fault step is described by faultFacts');
    case 'warm up':
      return {
        cause: { kind: 'cache warmed', keys: entry.toRank - entry.fromRank },
        actor: CACHE_ID,
        delivered: null,
        note: world.note,
        requestId: null,
      };
  }
}

/**
 * The request a delivered message belongs to, for the code line. A pushed message carries the
 * publisher's request id, but the subscriber's step is not part of that request.
 */
function requestOf(payload: Payload): number | null {
  return payload.kind === 'cache push' || payload.kind === 'chat message' ? null : payload.requestId;
}

export function faultFacts(fault: Fault, { note, requestId }: FaultOutcome): StepFacts {
  return { cause: { kind: 'fault applied', fault }, actor: null, delivered: null, note, requestId };
}
