import type { Reply } from '../../redis/reply.ts';
import { BACKGROUND_REQUEST } from '../../sim/events.ts';
import type { Payload } from '../../sim/messages.ts';
import {
  command,
  isCacheReply,
  narrate,
  respond,
  send,
  type AppNodeContext,
  type RequestInProgress,
} from './request.ts';

type ChatPost = Extract<Payload, { kind: 'chat post' }>;

const chatChannel = (room: string) => `chat:${room}`;

/** The channels this node listens on: the invalidation channel and its chat rooms. */
export function channelsOf(context: AppNodeContext): string[] {
  const { invalidation } = context.strategy;
  return [
    ...(invalidation.kind === 'pubsub' ? [invalidation.channel] : []),
    ...context.chatRooms.map(chatChannel),
  ];
}

/** On start (and after a restart), subscribe: a subscription does not survive the connection. */
export function subscribe(context: AppNodeContext): void {
  const channels = channelsOf(context);
  if (channels.length === 0) return;
  command(context, BACKGROUND_REQUEST, ['SUBSCRIBE', ...channels], { connection: 'subscriber' });
  narrate(context, 'app.subscribe', { channels: channels.join(', ') }, 'subscribe');
}

/** A message Redis pushed: a subscription confirmation, an invalidation, or a chat message. */
export function handlePush(context: AppNodeContext, reply: Reply): void {
  const parts = reply.type === 'array' ? reply.value.map((r) => (r.type === 'bulk' ? r.value : null)) : [];
  const [kind, channel, data] = parts;
  if (kind === 'subscribe') {
    narrate(context, 'app.subscribed', { channel: channel ?? '' }, 'subscribe');
    return;
  }
  if (kind !== 'message' || channel === null || channel === undefined || data === null || data === undefined)
    return;
  const { invalidation } = context.strategy;
  if (invalidation.kind === 'pubsub' && channel === invalidation.channel) {
    dropFromTheLocalCache(context, data, invalidation);
    return;
  }
  const room = channel.slice('chat:'.length);
  for (const socket of context.sockets) {
    context.outbox(send(socket, { kind: 'chat message', requestId: BACKGROUND_REQUEST, room, text: data }));
  }
  narrate(context, 'app.chat.fanout', { room, text: data, count: context.sockets.length }, 'chat-fanout');
}

/** An invalidation message: `key version origin`. */
function dropFromTheLocalCache(
  context: AppNodeContext,
  data: string,
  { timestampCheck, ignoreOwn }: { timestampCheck: boolean; ignoreOwn: boolean },
): void {
  const [key = '', versionText = '0', origin = ''] = data.split(' ');
  const version = Number(versionText);
  const held = context.local?.get(key) ?? null;
  // The writer dropped its copy at the commit, but a read of its own that was under way may have put
  // an older one back since: skip the message only when there is no such older copy.
  const heldVersion = held === null ? null : held.version;
  const refilled = heldVersion !== null && heldVersion < version ? heldVersion : null;
  if (ignoreOwn && origin === context.id && refilled === null) {
    narrate(context, 'app.invalidate.own', { key }, 'on-invalidate');
    return;
  }
  if (ignoreOwn && origin === context.id) {
    context.local?.delete(key);
    narrate(context, 'app.invalidate.own.refilled', { key, version, held: refilled ?? 0 }, 'on-invalidate');
    return;
  }
  if (held === null) {
    narrate(context, 'app.invalidate.absent', { key, version }, 'on-invalidate');
    return;
  }
  if (timestampCheck && held.version !== null && held.version >= version) {
    narrate(context, 'app.invalidate.older', { key, version, held: held.version }, 'on-invalidate');
    return;
  }
  context.local?.delete(key);
  narrate(context, 'app.invalidate.drop', { key, version, from: origin }, 'on-invalidate');
}

/** A chat post is published to the room's channel; every subscribed node delivers it. */
export function startChat(context: AppNodeContext, from: string, payload: ChatPost): void {
  const request: RequestInProgress = {
    requestId: payload.requestId,
    client: from,
    op: 'chat',
    key: payload.room,
    value: `${from}: ${payload.text}`,
    phase: 'publishing the chat message',
    row: null,
    version: null,
    lease: null,
    guard: null,
  };
  context.requests.set(request.requestId, request);
  command(context, request.requestId, ['PUBLISH', chatChannel(payload.room), request.value]);
  narrate(
    context,
    'app.chat.publish',
    { room: payload.room, client: from, text: payload.text },
    'chat-publish',
  );
}

export function continueChat(context: AppNodeContext, request: RequestInProgress, payload: Payload): void {
  if (!isCacheReply(payload)) return;
  const receivers = payload.reply.type === 'integer' ? Number(payload.reply.value) : 0;
  respond(context, request, { value: request.value, version: null, source: 'none' });
  narrate(
    context,
    'app.chat.published',
    { room: request.key, count: receivers, client: request.client },
    'chat-publish',
  );
}
