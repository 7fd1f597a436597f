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

export class PubSub {
  private readonly byChannel = new Map<string, Set<Connection>>();
  private readonly byPattern = new Map<string, Set<Connection>>();

  subscribe(connection: Connection, channel: string): void {
    if (!connection.channels.has(channel)) {
      connection.channels.add(channel);
      setOf(this.byChannel, channel).add(connection);
    }
    connection.outbox.push(confirmation('subscribe', channel, connection));
  }

  unsubscribe(connection: Connection, channel: string | null): void {
    if (channel === null) {
      if (connection.channels.size === 0) {
        connection.outbox.push(confirmation('unsubscribe', null, connection));
      }
      for (const c of [...connection.channels]) this.unsubscribe(connection, c);
      return;
    }
    if (connection.channels.delete(channel)) this.byChannel.get(channel)?.delete(connection);
    if (this.byChannel.get(channel)?.size === 0) this.byChannel.delete(channel);
    connection.outbox.push(confirmation('unsubscribe', channel, connection));
  }

  psubscribe(connection: Connection, pattern: string): void {
    if (!connection.patterns.has(pattern)) {
      connection.patterns.add(pattern);
      setOf(this.byPattern, pattern).add(connection);
    }
    connection.outbox.push(confirmation('psubscribe', pattern, connection));
  }

  punsubscribe(connection: Connection, pattern: string | null): void {
    if (pattern === null) {
      if (connection.patterns.size === 0) {
        connection.outbox.push(confirmation('punsubscribe', null, connection));
      }
      for (const p of [...connection.patterns]) this.punsubscribe(connection, p);
      return;
    }
    if (connection.patterns.delete(pattern)) this.byPattern.get(pattern)?.delete(connection);
    if (this.byPattern.get(pattern)?.size === 0) this.byPattern.delete(pattern);
    connection.outbox.push(confirmation('punsubscribe', pattern, connection));
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
