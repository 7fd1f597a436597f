import type { HistoryRecorder } from '../check/history.ts';
import { pendingWritesOf } from '../machines/cacheMachine.ts';
import type { Fault } from './intervention.ts';
import { viewOf } from './labels.ts';
import type { Message, StepNote } from './messages.ts';
import { CACHE_ID, DATABASE_ID, LOAD_BALANCER_ID } from './scenario.ts';
import type { World } from './world.ts';
import { note } from './messages.ts';

export interface FaultOutcome {
  note: StepNote;
  /** The request the fault touched, if one (to keep its code line). */
  requestId: number | null;
}

/** Applies a fault to the world now, and says what it did. */
export function applyFault(world: World, fault: Fault, history: HistoryRecorder | null): FaultOutcome {
  switch (fault.kind) {
    case 'drop message': {
      const entry = world.inFlight.get(fault.messageId);
      if (entry === undefined) return { note: note('fault.drop.gone', {}), requestId: null };
      entry.cancelled = true;
      world.pendingWork--;
      world.inFlight.delete(fault.messageId);
      const { message } = entry;
      return {
        note: note('fault.drop', { message: viewOf(message).label, from: message.from, to: message.to }),
        requestId: message.payload.requestId,
      };
    }
    case 'drop next message': {
      world.dropNextMessage(fault);
      const { from, to, messageKind } = fault;
      return {
        note:
          messageKind === undefined
            ? note('fault.drop-next', { from, to })
            : note('fault.drop-next.kind', { from, to, kind: messageKind }),
        requestId: null,
      };
    }
    case 'delay link':
      world.network.addDelay(fault.a, fault.b, fault.extraMs);
      return {
        note: note('fault.delay', { from: fault.a, to: fault.b, ms: fault.extraMs }),
        requestId: null,
      };
    case 'crash':
      return { note: crash(world, fault.node, history), requestId: null };
    case 'restart':
      return { note: restart(world, fault.node), requestId: null };
    case 'partition':
      world.partitions.push([...fault.nodes]);
      return { note: note('fault.partition', { nodes: fault.nodes.join(', ') }), requestId: null };
    case 'heal':
      world.partitions = [];
      return { note: note('fault.heal', {}), requestId: null };
    case 'slow database':
      world.actor(DATABASE_ID)?.send({ type: 'slow down', extraMs: fault.extraMs });
      return { note: note('fault.slow-db', { ms: fault.extraMs }), requestId: null };
    case 'fail database writes':
      world.actor(DATABASE_ID)?.send({ type: 'fail writes', count: fault.count });
      return { note: note('fault.fail-writes', { count: fault.count }), requestId: null };
  }
}

function crash(world: World, node: string, history: HistoryRecorder | null): StepNote {
  const member = world.members.get(node);
  if (member === undefined) return note('fault.unknown', { node });
  if (member.kind === 'client') return note('fault.crash.client', { node });
  if (member.actor === null) return note('fault.crash.already', { node });
  let lostWrites = 0;
  if (node === CACHE_ID) {
    // Redis without persistence: its memory, and the writes it had not flushed yet, are gone.
    const pending = pendingWritesOf(member.actor.getSnapshot().context);
    lostWrites = pending.length;
    history?.lost(pending, world.now, world.step);
    world.keyspace.flush();
  }
  member.actor.stop();
  member.actor = null;
  member.generation++;
  // Its connections to Redis close with it, and with them its subscriptions.
  world.members.get(CACHE_ID)?.actor?.send({ type: 'connections closed', owner: node });
  if (member.kind === 'appNode')
    world.members.get(LOAD_BALANCER_ID)?.actor?.send({ type: 'node down', node });
  if (node === CACHE_ID) return note('fault.crash.cache', { node, count: lostWrites });
  return note(member.kind === 'appNode' ? 'fault.crash.app' : 'fault.crash', { node });
}

function restart(world: World, node: string): StepNote {
  const member = world.members.get(node);
  if (member === undefined) return note('fault.unknown', { node });
  if (member.actor !== null) return note('fault.restart.running', { node });
  member.generation++;
  member.actor = member.start();
  if (member.kind === 'appNode') world.members.get(LOAD_BALANCER_ID)?.actor?.send({ type: 'node up', node });
  const key =
    member.kind === 'cache'
      ? 'fault.restart.cache'
      : member.kind === 'relay'
        ? 'fault.restart.relay'
        : 'fault.restart';
  return note(key, { node });
}

/**
 * Whether a message that has just arrived is lost instead of delivered, and why: a fault doomed
 * it, its receiver is down, or a partition lies between the two ends.
 */
export function lossOf(world: World, message: Message): StepNote | null {
  // Checked for every message a run delivers: the cheap tests first, no label unless lost, and no
  // closure (bundlers name each one as it is created).
  let key: string | null = null;
  if (world.doomed.size > 0 && world.doomed.delete(message.id)) key = 'fault.lost.dropped';
  else if (world.partitions.length > 0 && world.separated(message.from, message.to))
    key = 'fault.lost.partition';
  else if (world.member(message.to).actor === null) key = 'fault.lost.down';
  if (key === null) return null;
  return note(key, { message: viewOf(message).label, from: message.from, to: message.to });
}
