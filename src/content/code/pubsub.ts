// Chat across app nodes with Redis Pub/Sub. Each node holds the
// sockets of its own users and one subscriber connection. A post is
// published once; Redis pushes it to every subscribed node, and
// each node sends it down its own sockets. Delivery is fire and
// forget: a node that is down when a message is published never
// gets it. A `// step:` comment marks the line the Visual
// highlights at that step.

/** Any Redis connection can publish. */
export interface Publisher {
  /** PUBLISH: resolves to the number of deliveries Redis made. */
  publish(channel: string, message: string): Promise<number>;
}

/**
 * A connection of its own, in subscribed mode (in node-redis:
 * client.duplicate()). Over RESP2 it may run nothing but
 * (P)SUBSCRIBE, (P)UNSUBSCRIBE, PING, RESET and QUIT.
 */
export interface Subscriber {
  subscribe(
    channel: string,
    listener: (message: string, channel: string) => void,
  ): Promise<void>;
}

/** A user's open WebSocket, as far as this code cares. */
export interface Socket {
  send(text: string): void;
}

const channelOf = (room: string) => `chat:${room}`;

export class ChatNode {
  /** Room → the sockets open on this node. */
  private readonly rooms = new Map<string, Set<Socket>>();

  constructor(
    private readonly pub: Publisher,
    private readonly sub: Subscriber,
  ) {}

  /** A user opens a room. The room's first user subscribes. */
  async join(room: string, socket: Socket): Promise<void> {
    let sockets = this.rooms.get(room);
    if (sockets === undefined) {
      sockets = new Set();
      this.rooms.set(room, sockets);
      const channel = channelOf(room);
      const onMessage = (text: string) => this.fanOut(room, text);
      await this.sub.subscribe(channel, onMessage); // step: subscribe
    }
    sockets.add(socket);
  }

  leave(room: string, socket: Socket): void {
    this.rooms.get(room)?.delete(socket);
  }

  /**
   * A user posts. The node does not send to its own sockets here:
   * its own subscription brings the message back, in the order
   * Redis gave it, like on every other node.
   */
  async post(room: string, user: string, text: string) {
    const line = `${user}: ${text}`;
    const channel = channelOf(room);
    return this.pub.publish(channel, line); // step: chat-publish
  }

  /** Redis pushed a message: send it down every socket here. */
  private fanOut(room: string, text: string): void {
    const sockets = this.rooms.get(room) ?? [];
    for (const ws of sockets) ws.send(text); // step: chat-fanout
  }
}
