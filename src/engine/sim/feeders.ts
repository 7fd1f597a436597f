import type { IssuedOperation } from '../machines/clientMachine.ts';
import type { ConsoleCommand } from './intervention.ts';
import type { Operation, Scenario } from './scenario.ts';
import type { World } from './world.ts';

/**
 * Feeds the script to the queue one operation at a time, in time order (ties in script order):
 * the queue stays as small as what is in flight, however long the script is.
 */
export function scriptFeeder(world: World, scenario: Scenario): () => void {
  const order = scenario.script
    .map((step, index) => ({ step, requestId: index + 1 }))
    .sort((a, b) => a.step.atMs - b.step.atMs || a.requestId - b.requestId);
  let next = 0;
  return () => {
    const item = order[next++];
    if (item === undefined) return;
    const { step, requestId } = item;
    world.pendingWork++;
    world.pendingInputs++;
    world.queue.push({
      time: step.atMs,
      origin: requestId,
      kind: 'issue',
      client: step.client,
      operation: operationOf(step, requestId),
    });
  };
}

/** A script step as the client receives it: the operation, with its request id. */
function operationOf(step: Operation, requestId: number): IssuedOperation {
  switch (step.op) {
    case 'read':
      return { requestId, op: 'read', key: step.key };
    case 'write':
      return { requestId, op: 'write', key: step.key, value: step.value };
    case 'login':
      return { requestId, op: 'login', user: step.user };
    case 'page':
      return { requestId, op: 'page', page: step.page };
    case 'chat':
      return { requestId, op: 'chat', room: step.room, text: step.text };
  }
}

/**
 * Sends the console's lines into the run: each after the step it was typed at, in the order typed.
 * Console lines get negative request ids, so they never collide with the script's.
 */
export function consoleFeeder(world: World, commands: readonly ConsoleCommand[]) {
  const order = commands.map((c, i) => ({ ...c, requestId: -(i + 1) })).sort((a, b) => a.atStep - b.atStep);
  let next = 0;
  const send = (item: (typeof order)[number]) => {
    world.pendingWork++;
    world.pendingInputs++;
    world.queue.push({
      time: world.now,
      origin: item.requestId,
      kind: 'console',
      command: { type: 'type', requestId: item.requestId, argv: item.argv },
    });
  };
  return {
    stepReached(step: number): void {
      while (next < order.length && (order[next] as (typeof order)[number]).atStep <= step)
        send(order[next++]!);
    },
    /** Sends every line typed after the last event; false when there was none left. */
    sendLate(): boolean {
      if (next >= order.length) return false;
      while (next < order.length) send(order[next++]!);
      return true;
    },
  };
}
