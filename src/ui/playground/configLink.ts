/**
 * A Playground configuration in the address, before the player's own parameters:
 * `from=<scenario>&clients=<n>&nodes=<n>&lb=<policy>&l1=off|<s>&read=…&write=…&ttl=<s>&jitter=<s>&inv=…&fix=…&sessions=…`,
 * then the failure-mode settings (`stampede=…&pen=…&maxkeys=…`, see `protectionLink.ts`).
 * Every parameter of the settings chosen is always written, so a link never changes meaning when a
 * scenario's own settings change. A missing parameter takes the base scenario's value; an unusable
 * one becomes a problem in words, and the base's value is used instead.
 */

import type { Scenario } from '../../engine/index.ts';
import type { DeepLinkProblem, LeadingParams } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';
import { linkReader, wholeNumber } from './linkReader.ts';
import {
  BALANCER_CHOICES,
  INVALIDATION_CHOICES,
  RACE_FIX_CHOICES,
  READ_CHOICES,
  SESSION_CHOICES,
  WRITE_CHOICES,
  configOf,
} from './playgroundConfig.ts';
import type { PlaygroundConfig } from './playgroundConfig.ts';
import { PROTECTION_PARAMS, parseProtections, protectionParams } from './protectionLink.ts';

/** The parameters in the order they are written (the protections' numbers only for the kind chosen). */
export const CONFIG_PARAMS = [
  'from',
  'clients',
  'nodes',
  'lb',
  'l1',
  'read',
  'write',
  'ttl',
  'jitter',
  'inv',
  'fix',
  'sessions',
  ...PROTECTION_PARAMS,
] as const;

export type ConfigParam = (typeof CONFIG_PARAMS)[number];

export function configParams(config: PlaygroundConfig): LeadingParams {
  return [
    ['from', config.from],
    ['clients', String(config.clients)],
    ['nodes', String(config.nodes)],
    ['lb', config.balancer],
    ['l1', config.l1Seconds === null ? 'off' : String(config.l1Seconds)],
    ['read', config.read],
    ['write', config.write],
    ['ttl', String(config.ttlSeconds)],
    ['jitter', String(config.jitterSeconds)],
    ['inv', config.invalidation],
    ['fix', config.raceFix],
    ['sessions', config.sessions],
    ...protectionParams(config),
  ];
}

/** The configuration's part of a query string, e.g. `from=cache-aside-read&clients=1&…`. */
export function configSearch(config: PlaygroundConfig): string {
  return new URLSearchParams(configParams(config).map(([name, value]) => [name, value])).toString();
}

export interface ConfigParse {
  config: PlaygroundConfig;
  base: Scenario;
  problems: DeepLinkProblem[];
  /** False when a parameter was missing or unusable: the address should be rewritten in full. */
  complete: boolean;
}

/** Reads a configuration from the address; `scenarios` are the ones a run may start from. */
export function parseConfig(params: URLSearchParams, scenarios: readonly Scenario[]): ConfigParse {
  const [first] = scenarios;
  if (first === undefined) throw new Error('the playground needs at least one scenario');
  const problems: DeepLinkProblem[] = [];

  const fromParam = params.get('from');
  let base = first;
  if (fromParam !== null) {
    const found = scenarios.find((scenario) => scenario.id === fromParam);
    if (found !== undefined) base = found;
    else
      problems.push({
        param: 'from',
        value: shown(fromParam),
        message: `The link starts from \u201c${shown(fromParam)}\u201d, which is not a scenario. Starting from \u201c${first.title}\u201d instead.`,
      });
  }
  const own = configOf(base);

  const reader = linkReader(params, problems);
  const { number, oneOf } = reader;

  const config: PlaygroundConfig = {
    from: base.id,
    clients: number('clients', own.clients, 'a whole number of clients'),
    nodes: number('nodes', own.nodes, 'a whole number of app nodes'),
    balancer: oneOf('lb', own.balancer, BALANCER_CHOICES, 'a load balancer policy'),
    l1Seconds: reader.take<number | null>(
      'l1',
      own.l1Seconds,
      (text) => (text === 'off' ? null : wholeNumber(text)),
      '\u201coff\u201d or a whole number of seconds',
      own.l1Seconds === null ? 'off' : String(own.l1Seconds),
    ),
    read: oneOf('read', own.read, READ_CHOICES, 'a read path'),
    write: oneOf('write', own.write, WRITE_CHOICES, 'a write path'),
    ttlSeconds: number('ttl', own.ttlSeconds, 'a whole number of seconds'),
    jitterSeconds: number('jitter', own.jitterSeconds, 'a whole number of seconds'),
    invalidation: oneOf('inv', own.invalidation, INVALIDATION_CHOICES, 'an invalidation'),
    raceFix: oneOf('fix', own.raceFix, RACE_FIX_CHOICES, 'a race fix'),
    sessions: oneOf('sessions', own.sessions, SESSION_CHOICES, 'a session store'),
    ...parseProtections(reader, base),
  };
  // Complete: every parameter of these settings is there, and none that they do not use.
  const written = new Set<string>(configParams(config).map(([name]) => name));
  const complete =
    problems.length === 0 &&
    [...written].every((name) => params.has(name)) &&
    CONFIG_PARAMS.every((name) => written.has(name) || !params.has(name));
  return { config, base, problems, complete };
}
