/**
 * The line under each Playground control: what the setting does, and how the run is built from the
 * base scenario for the value chosen (which clients repeat whose script, what a new node is called,
 * which of the scenario's faults are left out).
 */

import type { Scenario } from '../../engine/index.ts';
import { COPY_OFFSET_MS, extraNodes } from './buildTopology.ts';
import {
  DOUBLE_DELETE_DEFAULT_MS,
  PUBSUB_DEFAULTS,
  SESSION_TTL_DEFAULT_SECONDS,
  WRITE_BEHIND_DEFAULTS,
  droppedFaults,
} from './buildScenario.ts';
import { listInWords } from './configProblems.ts';
import { LIMITS, scriptClients } from './playgroundConfig.ts';
import { protectionHints } from './protectionHints.ts';
import type { ControlName, PlaygroundConfig } from './playgroundConfig.ts';

export type ConfigHints = Record<ControlName, string>;

/** `built` is the scenario the configuration builds, or null when it cannot be built. */
export function configHints(base: Scenario, config: PlaygroundConfig, built: Scenario | null): ConfigHints {
  const { strategy } = base;
  const clients = clientsHint(base, config, built);
  const nodes = nodesHint(base, config, built);

  const writeBehind = strategy.write.kind === 'write-behind' ? strategy.write : null;
  const flush = writeBehind ?? WRITE_BEHIND_DEFAULTS;
  const pubsub = strategy.invalidation.kind === 'pubsub' ? strategy.invalidation : PUBSUB_DEFAULTS;
  const delayMs =
    strategy.raceFix.kind === 'delayed-double-delete' ? strategy.raceFix.delayMs : DOUBLE_DELETE_DEFAULT_MS;
  const sessionTtl =
    strategy.sessions.kind === 'redis-hash'
      ? strategy.sessions.slidingTtlSeconds
      : SESSION_TTL_DEFAULT_SECONDS;
  const hasSessions = base.script.some((operation) => operation.op === 'login' || operation.op === 'page');

  return {
    clients,
    nodes,
    balancer:
      config.balancer === 'none'
        ? 'Each client talks to one node: its own while that node is there, else the nodes in turn.'
        : config.balancer === 'round-robin'
          ? 'Every client talks to the balancer, which sends each request to the next node in turn.'
          : config.balancer === 'sticky'
            ? 'Every client talks to the balancer, which keeps a client on its first node while that node is up.'
            : 'Every client talks to the balancer, which picks the node with the fewest requests in progress.',
    l1: 'On: each app node keeps its own copy of what it read, in front of Redis (L2). Off: every read asks Redis.',
    l1Seconds:
      'How long a node keeps its local copy. Another node\u2019s write does not reach it unless something invalidates it.',
    read:
      config.read === 'cache-aside'
        ? 'On a miss the app node loads the row and fills the cache itself.'
        : 'On a miss the cache loads the row from the database, stores it and answers.',
    write:
      config.write === 'write-behind'
        ? `The cache takes the write and answers at once; it writes dirty keys to the database every ${flush.flushIntervalMs} ms, ${count(flush.batchSize, 'key')} at a time${writeBehind === null ? '' : ' (the scenario\u2019s own)'}.`
        : config.write === 'write-through'
          ? 'The app node commits, then SETs the new value in the cache, then answers.'
          : config.write === 'before-commit'
            ? 'The risky order: a read between the delete and the commit puts the old value back.'
            : 'The safe order for write-around: the next read loads the new row.',
    ttlSeconds: 'How long a key filled into Redis lives before it expires.',
    jitterSeconds:
      'Up to this many seconds, drawn at random per fill, are added to the TTL, so keys filled together do not all expire together. 0: none.',
    invalidation:
      config.invalidation === 'pubsub'
        ? `After a write the node publishes the key on \u201c${pubsub.channel}\u201d; every node drops its local copy${pubsub.timestampCheck ? ' unless the message is older than it' : ''}.`
        : config.invalidation === 'versioned-keys'
          ? 'A write moves readers to a new key (user:42:email:v2); the old one is never read again.'
          : config.invalidation === 'publish-after-commit'
            ? 'After the commit the app node publishes an event itself; a consumer deletes the key. Uses the scenario\u2019s broker.'
            : config.invalidation === 'outbox'
              ? 'The commit writes an outbox row in the same transaction; a relay publishes it and a consumer deletes the key.'
              : 'Nothing tells the other nodes about a write.',
    raceFix:
      config.raceFix === 'double-delete'
        ? `The writer deletes the key again ${delayMs} ms after the first delete.`
        : config.raceFix === 'version-cas'
          ? 'Fills and writes carry the row\u2019s version; the cache keeps a value only over an older one.'
          : config.raceFix === 'lease'
            ? 'A miss hands out a lease; a delete cancels it, and a fill without a valid lease is refused.'
            : 'Nothing stops a slow reader from putting an old value back.',
    sessions: [
      config.sessions === 'redis-hash'
        ? `Every node reads sessions from Redis; each request pushes the expiry back to ${sessionTtl} s.`
        : 'A session lives in the memory of the node that created it.',
      hasSessions ? '' : 'This script logs nobody in, so it changes nothing here.',
    ]
      .filter((part) => part !== '')
      .join(' '),
    ...protectionHints(base, config),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const labels = (actors: readonly { label: string }[]) => listInWords(actors.map((actor) => actor.label));
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

function clientsHint(base: Scenario, config: PlaygroundConfig, built: Scenario | null): string {
  const has = `The scenario has ${count(base.clients.length, 'client')}: ${labels(base.clients)}.`;
  const scripted = scriptClients(base);
  if (config.clients < base.clients.length) {
    const left = base.clients.slice(Math.max(0, config.clients));
    return `${has} ${labels(left)} ${isAre(left.length)} left out.`;
  }
  if (config.clients === base.clients.length || scripted.length === 0)
    return `${has} Add clients to repeat its script.`;
  const extras = built?.clients.slice(base.clients.length) ?? [];
  const [first, second] = scripted;
  if (extras.length === 1 && first !== undefined) {
    return `${has} ${labels(extras)} repeats ${first.label}\u2019s script, ${COPY_OFFSET_MS} ms later.`;
  }
  const sources =
    second === undefined
      ? `${first?.label ?? ''}\u2019s script`
      : `the scripts of ${labels(scripted)} in turn`;
  return `${has} Extra clients repeat ${sources}, each copy ${COPY_OFFSET_MS} ms after the one before.`;
}

function nodesHint(base: Scenario, config: PlaygroundConfig, built: Scenario | null): string {
  const parts = [`The scenario has ${count(base.appNodes.length, 'app node')}: ${labels(base.appNodes)}.`];
  if (config.nodes > base.appNodes.length && config.nodes <= LIMITS.nodes.max) {
    const added = extraNodes(base, config.nodes);
    const sources = base.appNodes.slice(0, added.length);
    parts.push(
      added.length === 1 || sources.length === 1
        ? `New: ${labels(added)}, with the network links of ${labels(sources.slice(0, 1))}.`
        : `New: ${labels(added)}, with the network links of ${labels(sources)} in turn.`,
    );
  } else if (config.nodes < base.appNodes.length) {
    const left = base.appNodes.slice(Math.max(0, config.nodes));
    parts.push(
      `${labels(left)} ${isAre(left.length)} left out, with ${left.length === 1 ? 'its' : 'their'} links.`,
    );
  }
  const gone = built === null ? [] : droppedFaults(base, built);
  if (gone.length > 0) {
    parts.push(
      `The scenario\u2019s ${count(gone.length, 'fault')} on actors that are gone ${isAre(gone.length)} left out.`,
    );
  }
  return parts.join(' ');
}
