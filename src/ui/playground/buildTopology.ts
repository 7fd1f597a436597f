/**
 * Who is in a Playground run: the base scenario's clients and app nodes, cut down or extended to the
 * counts chosen, wired to a load balancer or straight to the nodes, with the network links that
 * still make sense.
 */

import { LOAD_BALANCER_ID } from '../../engine/index.ts';
import type { AppNodeSpec, ClientSpec, LatencyRange, Operation, Scenario } from '../../engine/index.ts';
import { scriptClients } from './playgroundConfig.ts';
import type { PlaygroundConfig } from './playgroundConfig.ts';

/** Each extra client's copy of a script starts this much later than the one before it. */
export const COPY_OFFSET_MS = 5;

export interface Topology {
  clients: ClientSpec[];
  appNodes: AppNodeSpec[];
  loadBalancer: Scenario['loadBalancer'];
  script: Operation[];
  links: NonNullable<Scenario['network']['links']>;
}

type Link = Topology['links'][number];

/** An extra client and the base client whose script it repeats. */
interface ExtraClient {
  spec: ClientSpec;
  source: ClientSpec;
  /** 1 for the first extra client, 2 for the second, …: how far its copy is shifted. */
  copy: number;
}

export function buildTopology(base: Scenario, config: PlaygroundConfig): Topology {
  const appNodes = [...base.appNodes.slice(0, config.nodes), ...extraNodes(base, config.nodes)];
  const nodeIds = new Set(appNodes.map((node) => node.id));
  const kept = base.clients.slice(0, config.clients);
  const extras = extraClients(base, config.clients);
  const withBalancer = config.balancer !== 'none';

  // With a balancer every client talks to it. Without one a client keeps its node while it exists;
  // the others (and every extra client) take the nodes in turn, so a new node gets used.
  const serverOf = (own: string | null, index: number): string => {
    if (withBalancer) return LOAD_BALANCER_ID;
    if (own !== null && nodeIds.has(own)) return own;
    return (appNodes[index % appNodes.length] as AppNodeSpec).id;
  };
  const clients = [
    ...kept.map((client, index) => ({ ...client, server: serverOf(client.server, index) })),
    ...extras.map(({ spec }, index) => ({ ...spec, server: serverOf(null, kept.length + index) })),
  ];

  const script = [
    ...base.script,
    ...extras.flatMap(({ spec, source, copy }) =>
      base.script
        .filter((operation) => operation.client === source.id)
        .map((operation) => ({
          ...operation,
          client: spec.id,
          atMs: operation.atMs + copy * COPY_OFFSET_MS,
        })),
    ),
  ];

  return {
    clients,
    appNodes,
    loadBalancer: config.balancer === 'none' ? undefined : { policy: config.balancer },
    script,
    links: linksFor(base, { clients, appNodes, extras, withBalancer }),
  };
}

/** Extra clients repeat the script of the base's scripted clients in turn: "Alice 2", "Bob 2", "Alice 3"… */
function extraClients(base: Scenario, count: number): ExtraClient[] {
  const sources = scriptClients(base);
  const taken = new Set([...base.clients, ...base.appNodes].map((actor) => actor.id));
  const copiesOf = new Map<string, number>();
  const extras: ExtraClient[] = [];
  for (let copy = 1; base.clients.length + copy <= count && sources.length > 0; copy++) {
    const source = sources[(copy - 1) % sources.length] as ClientSpec;
    let number = (copiesOf.get(source.id) ?? 1) + 1;
    while (taken.has(`${source.id}-${number}`)) number++;
    copiesOf.set(source.id, number);
    const id = `${source.id}-${number}`;
    taken.add(id);
    extras.push({ spec: { id, label: `${source.label} ${number}`, server: source.server }, source, copy });
  }
  return extras;
}

/**
 * Extra app nodes follow the base's naming where it has one ("Node A", "Node B" → "Node C"); a
 * single "App server" gets "App server 2", "App server 3"…
 */
export function extraNodes(base: Scenario, count: number): AppNodeSpec[] {
  const taken = new Set([...base.clients, ...base.appNodes].map((actor) => actor.id));
  const last = base.appNodes[base.appNodes.length - 1];
  const lettered = last !== undefined && /-[a-z]$/.test(last.id) && / [A-Z]$/.test(last.label);
  const extras: AppNodeSpec[] = [];
  for (let n = base.appNodes.length + 1; n <= count; n++) {
    const stem = last ?? { id: 'app', label: 'App server' };
    let { id, label } = lettered
      ? {
          id: `${stem.id.slice(0, -1)}${String.fromCharCode(96 + n)}`,
          label: `${stem.label.slice(0, -1)}${String.fromCharCode(64 + n)}`,
        }
      : { id: `${stem.id}-${n}`, label: `${stem.label} ${n}` };
    while (taken.has(id)) {
      id = `${id}-x`;
      label = `${label}\u2032`;
    }
    taken.add(id);
    extras.push({ id, label });
  }
  return extras;
}

interface LinkParts {
  clients: ClientSpec[];
  appNodes: AppNodeSpec[];
  extras: ExtraClient[];
  withBalancer: boolean;
}

/**
 * The base's links among the actors that are still there; an extra client or node gets a copy of
 * the links of the one it repeats. A client that now talks to another server (a balancer, or
 * another node) keeps the latency of its old link to its server, so the internet stays as far away.
 */
function linksFor(base: Scenario, { clients, appNodes, extras, withBalancer }: LinkParts): Link[] {
  const baseLinks = base.network.links ?? [];
  // Links that name a client, a node or the balancer the run no longer has are dropped.
  const removable = new Set([...base.clients, ...base.appNodes].map((actor) => actor.id)).add(
    LOAD_BALANCER_ID,
  );
  const present = new Set([...clients, ...appNodes].map((actor) => actor.id));
  if (withBalancer) present.add(LOAD_BALANCER_ID);
  const isActorOfRun = (id: string) => present.has(id) || !removable.has(id);
  const renamed = (from: string, to: string): Link[] =>
    baseLinks
      .filter((link) => link.a === from || link.b === from)
      .map((link) => ({ ...link, a: link.a === from ? to : link.a, b: link.b === from ? to : link.b }));

  const nodeCopies = appNodes.slice(base.appNodes.length).flatMap((node, index) => {
    const source = base.appNodes[index % base.appNodes.length];
    return source === undefined ? [] : renamed(source.id, node.id);
  });
  const clientCopies = extras.flatMap(({ spec, source }) => renamed(source.id, spec.id));
  const links = [...baseLinks, ...nodeCopies, ...clientCopies].filter(
    (link) => isActorOfRun(link.a) && isActorOfRun(link.b),
  );

  const hasLink = (a: string, b: string) =>
    links.some((link) => (link.a === a && link.b === b) || (link.a === b && link.b === a));
  for (const client of clients) {
    const source = extras.find((extra) => extra.spec.id === client.id)?.source ?? client;
    const baseServer = base.clients.find((c) => c.id === source.id)?.server;
    if (baseServer === undefined || hasLink(client.id, client.server)) continue;
    const latency = latencyBetween(baseLinks, source.id, baseServer);
    if (latency !== null) links.push({ a: client.id, b: client.server, latency });
  }
  return links;
}

function latencyBetween(links: readonly Link[], a: string, b: string): LatencyRange | null {
  const link = links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  return link === undefined ? null : link.latency;
}
