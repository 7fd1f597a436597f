// Three ways to choose the cache node that holds a key, and a
// cache-aside read that goes through one of them. Nodes and the
// database are small interfaces: the same code runs against real
// Redis servers and against in-memory stand-ins in the tests. A
// `// step:` comment marks the line the Visual highlights.

/**
 * A key's place in the 32-bit hash space: FNV-1a over its UTF-8
 * bytes, then murmur3's finaliser (1), so that names one character
 * apart (`node-1#17`, `node-1#18`) land far apart.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 1. Modulo: node number hash mod N. Even, and fragile: when N
 * changes, a key stays only where both formulas agree, about one
 * key in N + 1, so nearly every key moves.
 */
export function moduloNode(nodes: readonly string[], key: string) {
  const node = nodes[hash32(key) % nodes.length];
  if (node === undefined) throw new RangeError('no nodes');
  return node;
}

interface Point {
  at: number;
  node: string;
}

/**
 * 2. A hash ring: the hash space bent into a circle. Each node sits
 * at `virtualNodes` points; a key belongs to the first point at or
 * after its hash, wrapping past 2^32 − 1 to the first point. A node
 * that joins takes over only the arcs just before its own points.
 */
export class HashRing {
  private points: Point[] = [];

  constructor(
    nodes: readonly string[],
    private readonly virtualNodes = 100,
  ) {
    for (const node of nodes) this.add(node);
  }

  add(node: string): void {
    for (let i = 0; i < this.virtualNodes; i++) {
      this.points.push({ at: hash32(`${node}#${i}`), node });
    }
    // Ties broken by name: the same ring whatever the join order.
    this.points.sort(
      (a, b) => a.at - b.at || a.node.localeCompare(b.node),
    );
  }

  remove(node: string): void {
    this.points = this.points.filter((p) => p.node !== node);
  }

  nodeFor(key: string): string {
    const h = hash32(key);
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = this.points[middle]?.at ?? 0;
      if (at < h) low = middle + 1;
      else high = middle;
    }
    const point = this.points[low] ?? this.points[0];
    if (point === undefined) throw new RangeError('empty ring');
    return point.node;
  }
}

/** 3. Redis Cluster: 16384 slots; nodes own slots, not keys. */
export const SLOT_COUNT = 16384;

/** CRC16/XMODEM: polynomial 0x1021, start 0, nothing reflected. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xffff;
    }
  }
  return crc;
}

/**
 * The hash tag rule: if the key has a `{` and, after it, a `}` with
 * at least one character between them, only that part is hashed.
 * `{user:42}:email` and `{user:42}:cart` share a slot.
 */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

/** What `CLUSTER KEYSLOT key` answers. */
export function keySlot(key: string): number {
  const bytes = new TextEncoder().encode(hashedPart(key));
  return crc16(bytes) % SLOT_COUNT;
}

/** `owners[slot]` is the node serving that slot (CLUSTER SLOTS). */
export function clusterNode(owners: readonly string[], key: string) {
  const node = owners[keySlot(key)];
  if (node === undefined) throw new RangeError('slot not served');
  return node;
}

/** The share of `keys` that a change of placement moves. */
export function movedShare(
  keys: readonly string[],
  before: (key: string) => string,
  after: (key: string) => string,
): number {
  if (keys.length === 0) return 0;
  const moved = keys.filter((key) => before(key) !== after(key));
  return moved.length / keys.length;
}

export interface CacheNode {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
}

export interface UserTable {
  selectEmail(userId: number): Promise<string | null>;
}

const TTL_SECONDS = 30;
const emailKey = (userId: number) => `user:${userId}:email`;

/**
 * Cache-aside through a sharded cache: the ring picks the node, then
 * it is the usual read. A key that has just moved is not on its new
 * node yet, so its first read there misses and loads the row (2).
 */
export async function getEmail(
  ring: HashRing,
  nodes: ReadonlyMap<string, CacheNode>,
  db: UserTable,
  userId: number,
): Promise<string | null> {
  const key = emailKey(userId);
  const node = nodes.get(ring.nodeFor(key));
  if (node === undefined) throw new Error(`no client for ${key}`);

  const cached = await node.get(key); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const email = await db.selectEmail(userId); // step: read-db
  if (email === null) return null;

  await node.set(key, email, { EX: TTL_SECONDS }); // step: hydrate
  return email; // step: reply
}

// (1) Any hash whose output bits all depend on every input bit will
//     do; the Lab uses murmur3. What matters is an even spread.
// (2) Moving keys costs a miss each: the database pays for every key
//     that changes node, which is why the share that moves matters.
