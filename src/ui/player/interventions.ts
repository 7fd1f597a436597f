import type { ActorInfo, ActorKind, Fault, Frame, Intervention, MessageView } from '../../engine/index.ts';
import { isDown } from './TopologyNode.tsx';

/** What the learner activated in the diagram: an actor, or a message in flight. */
export type InterventionTarget =
  { kind: 'node'; actorId: string } | { kind: 'message'; message: MessageView };

export interface InterventionChoice {
  /** The menu item's words, e.g. "Crash Node A". */
  label: string;
  fault: Fault;
}

/** The actors a learner can break from the diagram; clients and the load balancer are the world outside. */
const BREAKABLE: ReadonlySet<ActorKind> = new Set<ActorKind>([
  'appNode',
  'cache',
  'relay',
  'broker',
  'consumer',
  'database',
]);

export const FAULT_DELAY_MS = 100;

export function canIntervene(actor: ActorInfo): boolean {
  return BREAKABLE.has(actor.kind);
}

/** The faults that apply to an actor as it is in `frame`. */
export function nodeChoices(actor: ActorInfo, frame: Frame): InterventionChoice[] {
  if (!canIntervene(actor)) return [];
  const view = frame.actors[actor.id];
  const down = view !== undefined && isDown(view.state);
  const choices: InterventionChoice[] = [
    down
      ? { label: `Restart ${actor.label}`, fault: { kind: 'restart', node: actor.id } }
      : { label: `Crash ${actor.label}`, fault: { kind: 'crash', node: actor.id } },
  ];
  if (actor.kind === 'database') {
    choices.push({
      label: `Slow the database by ${FAULT_DELAY_MS} ms`,
      fault: { kind: 'slow database', extraMs: FAULT_DELAY_MS },
    });
  }
  if (!frame.partitions.some((group) => group.includes(actor.id))) {
    choices.push({
      label: `Cut ${actor.label} off (partition)`,
      fault: { kind: 'partition', nodes: [actor.id] },
    });
  }
  if (frame.partitions.length > 0) choices.push({ label: 'Heal the partition', fault: { kind: 'heal' } });
  return choices;
}

/** The faults that apply to a message in flight. */
export function messageChoices(message: MessageView): InterventionChoice[] {
  return [
    { label: 'Drop this message', fault: { kind: 'drop message', messageId: message.id } },
    {
      label: `Delay this link by ${FAULT_DELAY_MS} ms`,
      fault: { kind: 'delay link', a: message.from, b: message.to, extraMs: FAULT_DELAY_MS },
    },
  ];
}

/** A fault in words, lower case, e.g. "crash Node A". */
export function faultInWords(fault: Fault, labelOf: (actorId: string) => string): string {
  switch (fault.kind) {
    case 'crash':
      return `crash ${labelOf(fault.node)}`;
    case 'restart':
      return `restart ${labelOf(fault.node)}`;
    case 'drop message':
      return `drop message #${fault.messageId}`;
    case 'drop next message':
      return `drop the next message from ${labelOf(fault.from)} to ${labelOf(fault.to)}`;
    case 'delay link':
      return `delay the link ${labelOf(fault.a)} \u2194 ${labelOf(fault.b)} by ${fault.extraMs} ms`;
    case 'partition':
      return `cut ${fault.nodes.map(labelOf).join(', ')} off (partition)`;
    case 'heal':
      return 'heal the partition';
    case 'slow database':
      return `slow the database by ${fault.extraMs} ms`;
    case 'fail database writes':
      return `fail the next ${fault.count} database writes`;
  }
}

/** "After step 12: crash Node A". */
export function interventionInWords(
  intervention: Intervention,
  labelOf: (actorId: string) => string,
): string {
  return `After step ${intervention.atStep}: ${faultInWords(intervention.fault, labelOf)}`;
}
