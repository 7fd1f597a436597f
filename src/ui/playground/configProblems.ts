/**
 * Combinations the Playground refuses to run, each with the settings it concerns and what to change.
 * Some would stop the engine (event-driven invalidation without a broker). The others would run but
 * teach something false: a setting that silently does nothing, or a run that goes wrong only because
 * the engine has no path for the pair (versioned keys never bumped by write-through). Every rule
 * here was found by running every combination (tests/ui/playgroundCombinations.test.ts).
 */

import type { Scenario } from '../../engine/index.ts';
import { LIMITS, WRITE_CHOICES, fewestClients } from './playgroundConfig.ts';
import type { ControlName, PlaygroundConfig } from './playgroundConfig.ts';
import { protectionConfigProblems } from './protectionConfigProblems.ts';

export interface ConfigProblem {
  /** The controls that can resolve it; the message is shown next to each. */
  controls: ControlName[];
  message: string;
}

export function configProblems(base: Scenario, config: PlaygroundConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [...numberProblems(base, config), ...protectionConfigProblems(config)];
  const add = (controls: ControlName[], message: string) => problems.push({ controls, message });
  const { write, read, invalidation, raceFix } = config;
  const eventDriven = invalidation === 'publish-after-commit' || invalidation === 'outbox';
  const writeWords = `\u201c${WRITE_CHOICES.find((choice) => choice.value === write)?.label ?? write}\u201d`;

  if (config.balancer !== 'none' && base.script.some((operation) => operation.op === 'chat')) {
    add(
      ['balancer'],
      'Chat pushes each message down the socket a client keeps open to its own node. Behind a load balancer no node holds a client\u2019s socket, so nobody would receive a message. Choose None.',
    );
  }
  if (eventDriven && base.events === undefined) {
    add(
      ['invalidation'],
      'Events need a broker and a consumer, and this scenario has neither. Start from a scenario in the \u201cEvent-driven invalidation\u201d group, or choose another invalidation.',
    );
  }
  if (invalidation === 'pubsub' && config.l1Seconds === null) {
    add(
      ['invalidation', 'l1'],
      'Pub/sub invalidation drops the copies in the app nodes\u2019 local caches, and there are none. Turn the local cache on, or choose invalidation None.',
    );
  }
  if (invalidation === 'versioned-keys' && write !== 'after-commit') {
    add(
      ['invalidation', 'write'],
      `Versioned keys need the write path \u201cCommit, then delete the key\u201d: only it moves readers to the new version. With ${writeWords}, readers would keep reading the old version\u2019s key.`,
    );
  }
  if (invalidation === 'versioned-keys' && read === 'read-through') {
    add(
      ['invalidation', 'read'],
      'Versioned keys need cache-aside reads. With read-through the cache would load a versioned key such as user:42:email:v2 from the database, which has no row by that name.',
    );
  }
  if (invalidation === 'versioned-keys' && raceFix !== 'none') {
    add(
      ['raceFix', 'invalidation'],
      'Versioned keys already keep an old fill off the key readers use, so a race fix has nothing to fix. Choose race fix None.',
    );
  }
  if (write === 'write-behind' && invalidation !== 'none') {
    add(
      ['write', 'invalidation'],
      'Write-behind acknowledges as soon as the cache holds the value, and the cache writes the database later. No app node commits, so no invalidation would ever be sent. Choose invalidation None.',
    );
  }
  if (write === 'write-behind' && raceFix === 'double-delete') {
    add(
      ['write', 'raceFix'],
      'The second delete repeats a write\u2019s delete of the key, and write-behind never deletes it. Choose another race fix.',
    );
  }
  if (eventDriven && base.events !== undefined && write === 'write-through') {
    add(
      ['write', 'invalidation'],
      'With event-driven invalidation a consumer clears the cache after the commit, and the app node does not SET the new value, so write-through would act exactly like \u201cCommit, then delete the key\u201d.',
    );
  }
  if (invalidation === 'outbox' && write === 'before-commit') {
    add(
      ['write', 'invalidation'],
      'The outbox row is written in the same transaction as the update, on the path \u201cCommit, then delete the key\u201d. Deleting first commits without it, so no event would ever go out.',
    );
  }
  if (raceFix === 'lease' && read === 'read-through') {
    add(
      ['raceFix', 'read'],
      'A lease guards the fill an app node makes after a miss. With read-through the cache fills itself, so there is no fill to guard.',
    );
  }
  return problems;
}

function numberProblems(base: Scenario, config: PlaygroundConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const fewest = fewestClients(base);
  if (config.clients < fewest) {
    problems.push({ controls: ['clients'], message: fewestClientsMessage(base, fewest) });
  } else if (config.clients > LIMITS.clients.max) {
    problems.push({ controls: ['clients'], message: `A run has at most ${LIMITS.clients.max} clients.` });
  }
  const { nodes } = LIMITS;
  if (config.nodes < nodes.min || config.nodes > nodes.max) {
    problems.push({ controls: ['nodes'], message: `Choose from ${nodes.min} to ${nodes.max} app nodes.` });
  }
  const seconds = (
    control: ControlName,
    value: number,
    { min, max }: { min: number; max: number },
    what: string,
  ) => {
    if (value < min)
      problems.push({
        controls: [control],
        message: `${what} must be at least ${min} ${min === 1 ? 'second' : 'seconds'}.`,
      });
    else if (value > max)
      problems.push({ controls: [control], message: `${what} must be at most ${max} seconds (a day).` });
  };
  seconds('ttlSeconds', config.ttlSeconds, LIMITS.ttlSeconds, 'The TTL');
  seconds('jitterSeconds', config.jitterSeconds, LIMITS.jitterSeconds, 'The jitter');
  if (config.l1Seconds !== null)
    seconds('l1Seconds', config.l1Seconds, LIMITS.l1Seconds, 'The local cache TTL');
  return problems;
}

/** "This scenario's script uses 2 clients (Alice and Bob): keep at least 2." */
function fewestClientsMessage(base: Scenario, fewest: number): string {
  const used = new Set(base.script.map((operation) => operation.client));
  const scripted = base.clients.filter((client) => used.has(client.id)).map((client) => client.label);
  const names = listInWords(scripted);
  if (scripted.length === fewest) {
    return `This scenario\u2019s script uses ${fewest === 1 ? '1 client' : `${fewest} clients`} (${names}): keep at least ${fewest}.`;
  }
  return `This scenario\u2019s script uses ${names}, and clients are kept from the first: keep at least ${fewest}.`;
}

export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The problems that concern one control. */
export function problemsOf(problems: readonly ConfigProblem[], control: ControlName): string[] {
  return problems.filter((problem) => problem.controls.includes(control)).map((problem) => problem.message);
}
