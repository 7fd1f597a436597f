import type { Message, Outbox, Payload, SendRequest, StepNote } from '../../../src/engine/sim/messages.ts';

// Each machine alone, driven by hand: tests send it events and look at what it hands its outbox,
// the way tldraw tests its tools.

/** An outbox that keeps what a machine sends and says, for the test to look at. */
export function record() {
  const sent: SendRequest[] = [];
  const notes: StepNote[] = [];
  const outbox: Outbox = (e) => (e.type === 'send' ? sent.push(e) : notes.push(e));
  return { outbox, sent, notes };
}

let nextId = 1;

/** A delivery event carrying `payload` from one actor to another. */
export const message = (
  from: string,
  to: string,
  payload: Payload,
): { type: 'message'; message: Message } => ({
  type: 'message',
  message: { id: nextId++, from, to, sendTime: 0, recvTime: 0, payload },
});
