/**
 * Publish/subscribe state. Subscriptions belong to a connection (a client session), not to the
 * keyspace, so a `Connection` carries its channels and patterns and an outbox for what the server
 * pushes to it: subscribe confirmations and published messages, as RESP2 arrays.
 */
import { globMatch } from './glob.ts';
import { array, bulk, integer, type Reply } from './reply.ts';

export class Connection {
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  /** Replies pushed to this connection and not yet read by its owner. */
  readonly outbox: Reply[] = [];

  /** Whether the connection is in subscriber mode (RESP2 then allows only a few commands). */
  get subscribed(): boolean {
    return this.channels.size + this.patterns.size > 0;
  }

  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size;
  }

  /** Takes everything pushed so far. */
  drain(): Reply[] {
    return this.outbox.splice(0, this.outbox.length);
  }
}

/** Channels and patterns behave alike apart from their names and how PUBLISH matches them. */
interface Kind {
  subscribe: string;
  unsubscribe: string;
  of: (connection: Connection) => Set<string>;
  registry: Map<string, Set<Connection>>;
}

export class PubSub {
  private readonly byChannel = new Map<string, Set<Connection>>();
  private readonly byPattern = new Map<string, Set<Connection>>();
  private readonly channel: Kind = {
    subscribe: 'subscribe',
    unsubscribe: 'unsubscribe',
    of: (c) => c.channels,
    registry: this.byChannel,
  };
  private readonly pattern: Kind = {
    subscribe: 'psubscribe',
    unsubscribe: 'punsubscribe',
    of: (c) => c.patterns,
    registry: this.byPattern,
  };

  subscribe(connection: Connection, channel: string): void {
    this.add(this.channel, connection, channel);
  }

  /** `null` unsubscribes from every channel (UNSUBSCRIBE with no arguments). */
  unsubscribe(connection: Connection, channel: string | null): void {
    this.remove(this.channel, connection, channel);
  }

  psubscribe(connection: Connection, pattern: string): void {
    this.add(this.pattern, connection, pattern);
  }

  punsubscribe(connection: Connection, pattern: string | null): void {
    this.remove(this.pattern, connection, pattern);
  }

  /** Delivers to channel subscribers, then pattern subscribers; returns how many received it. */
  publish(channel: string, message: string): number {
    let receivers = 0;
    for (const connection of this.byChannel.get(channel) ?? []) {
      connection.outbox.push(array([bulk('message'), bulk(channel), bulk(message)]));
      receivers++;
    }
    for (const [pattern, connections] of this.byPattern) {
      if (!globMatch(pattern, channel)) continue;
      for (const connection of connections) {
        connection.outbox.push(array([bulk('pmessage'), bulk(pattern), bulk(channel), bulk(message)]));
        receivers++;
      }
    }
    return receivers;
  }

  clear(): void {
    this.byChannel.clear();
    this.byPattern.clear();
  }

  private add(kind: Kind, connection: Connection, name: string): void {
    const names = kind.of(connection);
    if (!names.has(name)) {
      names.add(name);
      setOf(kind.registry, name).add(connection);
    }
    connection.outbox.push(confirmation(kind.subscribe, name, connection));
  }

  private remove(kind: Kind, connection: Connection, name: string | null): void {
    const names = kind.of(connection);
    if (name === null) {
      // With nothing to leave, Redis still confirms once, naming no channel.
      if (names.size === 0) connection.outbox.push(confirmation(kind.unsubscribe, null, connection));
      for (const each of [...names]) this.remove(kind, connection, each);
      return;
    }
    if (names.delete(name)) kind.registry.get(name)?.delete(connection);
    if (kind.registry.get(name)?.size === 0) kind.registry.delete(name);
    connection.outbox.push(confirmation(kind.unsubscribe, name, connection));
  }
}

function confirmation(kind: string, name: string | null, connection: Connection): Reply {
  return array([
    bulk(kind),
    name === null ? { type: 'bulk', value: null } : bulk(name),
    integer(connection.subscriptionCount),
  ]);
}

function setOf(map: Map<string, Set<Connection>>, name: string): Set<Connection> {
  let set = map.get(name);
  if (set === undefined) map.set(name, (set = new Set()));
  return set;
}
