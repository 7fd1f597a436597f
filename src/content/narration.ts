import type { Narration } from '../engine/index.ts';
import { cacheAndBalancerNarration } from './narration/cacheAndBalancer.ts';
import { eventNarration } from './narration/events.ts';
import { nodeNarration } from './narration/nodes.ts';
import { readNarration } from './narration/reads.ts';
import { writeNarration } from './narration/writes.ts';

/**
 * The sentence for every narration key the engine emits. `{name}` is replaced by a parameter;
 * `{name|one|many}` picks a word by the parameter's count. Actor ids are shown by their labels.
 */
const basics: Record<string, string> = {
  'run.start':
    'Nothing has happened yet. The cache holds {cacheKeys} {cacheKeys|key|keys}; the database holds {dbRows} {dbRows|row|rows}. Step forward to send the first request.',
  'run.end': 'The run is over. Every value in the cache matches the database.',
  'run.end.stale':
    'The run is over, and the cache is wrong: it holds {key} at version {cacheVersion}, the database has version {dbVersion}. Every read gets the old value until the key expires in {seconds} s.',
  'run.end.stale.forever':
    'The run is over, and the cache is wrong: it holds {key} at version {cacheVersion}, the database has version {dbVersion}. The key has no TTL, so it stays wrong until something deletes it.',
  'step.silent': 'Time passes.',

  'client.read.send': '{client} asks {app} for {key}.',
  'client.write.send': '{client} asks {app} to change {key} to "{value}".',
  'client.queue': '{client} is still waiting for a reply, so its {op} of {key} waits its turn.',
  'client.read.done': '{client} receives "{value}", served from the {source}.',
  'client.read.none': '{client} learns that {key} does not exist.',
  'client.write.done': '{client} gets the confirmation: {key} is now at version {version}.',

  'app.read.start': '{app} checks the cache first: GET {key}.',
  'app.read.hit': '{app} got "{value}" from the cache and replies without touching the database.',
  'app.read.miss': 'A miss, so {app} reads {key} from the database.',
  'app.read.fill':
    '{app} copies the row into the cache with a {ttl}-second TTL: SET {key} "{value}" EX {ttl}.',
  'app.read.reply': 'The cache is filled; {app} sends the value to {client}.',
  'app.read.none':
    '{app} replies that {key} does not exist. Nothing is cached, so the next read asks the database again.',
  'app.write.start': '{app} writes to the database first: UPDATE {key} = "{value}".',
  'app.write.invalidate': 'The update is committed, so {app} deletes the cached copy: DEL {key}.',
  'app.write.reply': '{app} confirms the write to {client}.',
  'app.write.delete-first':
    '{app} deletes the cached copy before it writes: DEL {key}. This is the risky order.',
  'app.write.update-after-delete':
    'Only now does {app} send the update to the database: UPDATE {key} = "{value}".',

  'cache.get.hit': 'Cache hit: the cache has {key} and returns "{value}".',
  'cache.get.miss': 'Cache miss: the cache has no {key} and returns (nil).',
  'cache.get.expired':
    'Cache miss: {key} has passed its TTL, so the cache deletes it now, on access, and returns (nil).',
  'cache.set.ttl': 'The cache stores {key} = "{value}" and starts a {ttl}-second countdown.',
  'cache.set': 'The cache stores {key} = "{value}" with no expiry.',
  'cache.refused': 'The cache refuses {command} and stores nothing: {error}',
  'cache.del': 'The cache deletes {key} and returns (integer) 1.',
  'cache.del.absent': 'The cache has no live {key}, so DEL removes nothing and returns (integer) 0.',
  'cache.expire.active':
    'In the background, the cache samples keys that have a TTL and deletes {count|the expired key|the expired keys} {keys}, before anyone asks for {count|it|them}.',

  'db.select.start': 'The database starts reading {key}; the query takes {ms} ms.',
  'db.select.row': 'The database returns {key} = "{value}" at version {version}.',
  'db.select.none': 'The database has no row for {key}.',
  'db.update.start': 'The database starts the update of {key}; it commits in {ms} ms.',
  'db.update.commit': 'The database commits {key} = "{value}". The row is now at version {version}.',

  'console.send': 'You type {command}; the console sends it to the cache.',
  'console.queue': 'The console is still waiting for a reply, so {command} waits its turn.',
  'console.reply': 'The console prints the reply to {command}: {reply}',
  'console.push': 'A message is pushed to the console: {reply}',

  'fault.drop': 'The message "{message}" from {from} to {to} is lost on the network.',
  'fault.drop.gone': 'That message had already arrived, so there was nothing to drop.',
};

export const narrationTemplates: Record<string, string> = {
  ...basics,
  ...nodeNarration,
  ...readNarration,
  ...writeNarration,
  ...cacheAndBalancerNarration,
  ...eventNarration,
};

/** Parameters that name an actor; shown by the actor's label when one is given. */
const ACTOR_PARAMS = new Set(['client', 'app', 'from', 'to', 'node']);

/** The English sentence for a frame's narration. Unknown keys fall back to the key itself. */
export function narrate(narration: Narration, labelOf: (actorId: string) => string = (id) => id): string {
  const template = narrationTemplates[narration.key];
  if (template === undefined) return narration.key;
  return template.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      const value = narration.params[name];
      if (value === undefined) return whole;
      if (one !== undefined && many !== undefined) return Number(value) === 1 ? one : many;
      return ACTOR_PARAMS.has(name) ? labelOf(String(value)) : String(value);
    },
  );
}
