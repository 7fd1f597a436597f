import { protectionNarration } from './protections.ts';

/** Sentences for app nodes reading (local cache, versioned keys, leases), sessions, pub/sub and chat, and for the clients of sessions and chat. */
export const readNarration: Record<string, string> = {
  'client.login.done': '{client} is logged in as {user} and keeps the session id {session} as a cookie.',
  'client.page.send': '{client} opens /{page} and sends the session cookie {session} with the request.',
  'client.page.send.anonymous': '{client} opens /{page} without a session cookie.',
  'client.page.done': '{client} sees /{page}, signed in as {user}.',
  'client.page.logged-out':
    '{client} is sent to the login page: the server that answered did not find the session.',
  'client.chat.send': '{client} posts "{text}" to the {room} room.',
  'client.chat.done': '{client} sees the message accepted in the {room} room.',
  'client.chat.received': '{client} sees a new message in the {room} room: "{text}".',
  'app.read.local-expired':
    "{app}'s local copy of {key} has passed its TTL, so {app} drops it and asks Redis: GET {key}.",
  'app.read.local-miss': '{app} does not hold {key} in its local cache, so it asks Redis: GET {key}.',
  'app.read.hit.keep-local': '{app} got "{value}" from Redis, keeps a copy in its local cache and replies.',
  'app.read.reply.keep-local':
    'The cache is filled. {app} also keeps a copy of {key} in its local cache, and sends the value to {client}.',
  'app.read.version': '{app} first asks Redis which version of {key} is current: GET {pointer}.',
  'app.read.version.none': 'No version is recorded for {key}, so {app} reads the row from the database.',
  'app.read.versioned': "The current version is {version}, so {app} asks for that version's key: GET {key}.",
  'app.read.version.record':
    '{app} records version {version} as the current one, unless a writer already did: SET … NX.',
  'app.read.miss.lease':
    'A miss. Redis hands {app} lease {lease} for {key}; {app} reads the row from the database.',
  'app.read.fill.if-newer':
    '{app} fills the cache with version {version}, but only if Redis holds nothing newer: SET {key} "{value}" EX {ttl}, compared by version.',
  'app.read.fill.lease':
    '{app} fills the cache with version {version}, showing lease {lease}: SET {key} "{value}" EX {ttl}.',
  'app.read.fill-failed':
    'Redis refused the fill ({error}). {app} answers {client} with the row anyway; the next read of {key} misses again.',
  'app.read.fill-refused':
    'Redis refused the fill: it holds a newer version, or the lease was cancelled by a write. {app} replies with version {version} and the cache stays correct.',

  'app.write.start.outbox':
    '{app} writes the row and an outbox row in one transaction: UPDATE {key} = "{value}" plus an invalidation event.',
  'app.login.redis':
    '{app} creates session {session} for {user} and stores it in Redis: HSET {key} user {user}.',
  'app.login.expire': '{app} gives the session a sliding expiry: EXPIRE {key} {ttl}.',
  'app.login.done':
    'The session is stored. {app} answers with the session id {session}, for the browser to keep as a cookie.',
  'app.page.no-cookie':
    '{app} gets a request for /{page} with no session cookie and asks the user to log in.',
  'app.page.memory.found': '{app} finds session {session} in its memory: the page is for {user}.',
  'app.page.memory.missing':
    '{app} has no session {session} in its memory. It was created on another node, or lost when this one restarted. The user looks logged out.',
  'app.page.redis': '{app} looks the session up in Redis: HGET {key} user.',
  'app.page.redis.found':
    'Redis has the session: the user is {user}. {app} pushes its expiry back: EXPIRE {key} {ttl}.',
  'app.page.redis.missing':
    'Redis has no {key}: the session expired or never existed. The user looks logged out.',
  'app.page.done': '{app} sends back the /{page} page.',

  'app.subscribe': '{app} starts and subscribes to {channels}.',
  'app.subscribed': '{app} is now subscribed to {channel}.',
  'app.invalidate.drop':
    'An invalidation from {from} arrives: {app} drops {key} from its local cache (version {version} is out).',
  'app.invalidate.absent':
    'An invalidation for {key} arrives; {app} holds no copy, so there is nothing to drop.',
  'app.invalidate.own': '{app} ignores its own invalidation for {key}: it dropped its copy when it wrote.',
  'app.invalidate.own.refilled':
    '{app} wrote {key} itself, but a read it was serving meanwhile put version {held} back in its local cache. That copy is older than version {version}, so {app} drops it.',
  'app.invalidate.older':
    '{app} keeps its copy of {key}: it holds version {held}, and this message is about version {version}, which is not newer.',
  'app.chat.publish': '{app} publishes the message from {client} to the {room} room: PUBLISH chat:{room}.',
  'app.chat.published':
    'Redis pushes the message to the {count} {count|connection|connections} subscribed to chat:{room} and answers (integer) {count}; {app} confirms the post to {client}.',
  'app.chat.fanout':
    '{app} receives "{text}" on chat:{room} and sends it down {count} open {count|socket|sockets}.',

  'fault.drop-next': 'The next message from {from} to {to} will be lost on the network.',

  ...protectionNarration,
};
