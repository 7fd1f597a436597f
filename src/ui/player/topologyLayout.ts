import type { ActorInfo, ActorKind, EdgeInfo } from '../../engine/index.ts';

/**
 * Where each actor sits on the diagram. Requests flow from clients through the load balancer and
 * app nodes down to the data tiers, so actors are placed in rows along that flow: clients on top,
 * then the load balancer, the app nodes, cache and database side by side and, when the run has
 * event-driven invalidation, the relay beside them, the consumers with their broker, and the
 * dead-letter queue. A row
 * with more actors than fit wraps onto another row. Messages therefore travel mostly up and down,
 * which leaves their labels (often long, like `SET user:42:email ada@example.com EX 30`) room to be
 * read without covering the boxes. Pure geometry in SVG user units; the component only draws it.
 */
export type DiagramSize = 'roomy' | 'compact';

export interface NodeBox {
  id: string;
  kind: ActorKind;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeLine {
  a: string;
  b: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TopologyLayout {
  size: DiagramSize;
  width: number;
  height: number;
  nodes: Record<string, NodeBox>;
  edges: EdgeLine[];
}

export interface Point {
  x: number;
  y: number;
}

// The console talks to the cache directly, so it sits in the app nodes' row. The event pieces form
// a loop (database → relay → broker → consumers → cache), so each sits one row from the next: the
// relay beside the database whose outbox it reads, the broker between its consumers in the row
// below the cache they clean, and the dead letters under the broker.
const TIER_OF: Record<ActorKind, number> = {
  client: 0,
  loadBalancer: 1,
  appNode: 2,
  console: 2,
  cache: 3,
  database: 3,
  relay: 3,
  consumer: 4,
  broker: 4,
  deadLetterQueue: 5,
};
const KIND_ORDER: Record<ActorKind, number> = {
  client: 0,
  loadBalancer: 1,
  appNode: 2,
  console: 3,
  cache: 4,
  database: 5,
  relay: 6,
  consumer: 7,
  broker: 8,
  deadLetterQueue: 9,
};
const TIER_COUNT = 6;

export const NODE_BASE_HEIGHT = 54;
export const PENDING_LINE_HEIGHT = 16;
/** Pending requests listed on a node before the rest are summarised as "+N more". */
export const MAX_PENDING_LINES = 3;
/** Lines of what a node holds (sessions, queue, dead letters) before the rest are summarised. */
export const MAX_HOLD_LINES = 3;
/** Requests and replies travel on opposite sides of an edge so they do not cover each other. */
export const PACKET_LANE_OFFSET = 13;
/** How far a packet's lane may move out from its edge to get clear of the two boxes. */
const MAX_LANE_OFFSET = 80;

const SIZES: Record<
  DiagramSize,
  { width: number; margin: number; maxNodeWidth: number; gap: number; tierGap: number; perRow: number }
> = {
  roomy: { width: 580, margin: 12, maxNodeWidth: 240, gap: 64, tierGap: 96, perRow: 4 },
  compact: { width: 400, margin: 8, maxNodeWidth: 184, gap: 16, tierGap: 92, perRow: 3 },
};

/** The height a node needs to list `lines` lines under its name and state. */
export function nodeHeight(lines: number): number {
  return NODE_BASE_HEIGHT + (lines > 0 ? lines * PENDING_LINE_HEIGHT + 4 : 0);
}

/** How many lines a node shows for `count` pending requests or held items (with a "+N more"). */
export function shownLines(count: number, max: number): number {
  return Math.min(count, max + 1);
}

/**
 * @param pendingLines the most lines (pending requests and held items) each actor shows in any
 *   frame of the run, so boxes keep one size for the whole run instead of jumping as things come
 *   and go.
 */
export function layoutTopology(
  actors: readonly ActorInfo[],
  edges: readonly EdgeInfo[],
  pendingLines: Readonly<Record<string, number>>,
  size: DiagramSize,
): TopologyLayout {
  const { width, margin, maxNodeWidth, gap, tierGap, perRow } = SIZES[size];
  const tiers: ActorInfo[][] = Array.from({ length: TIER_COUNT }, () => []);
  const ordered = actors
    .map((actor, index) => ({ actor, index }))
    .sort((p, q) => KIND_ORDER[p.actor.kind] - KIND_ORDER[q.actor.kind] || p.index - q.index);
  for (const { actor } of ordered) tiers[TIER_OF[actor.kind]]?.push(actor);
  const heightOf = (actor: ActorInfo) => nodeHeight(pendingLines[actor.id] ?? 0);

  const nodes: Record<string, NodeBox> = {};
  let y = margin;
  const rows = tiers.map(brokerInTheMiddle).flatMap((tier) => wrapRow(tier, perRow));
  for (const tier of rows) {
    const count = tier.length;
    // Shrink the gap first, then the boxes, when a row has more actors than fit.
    const rowGap = Math.min(
      gap,
      Math.max(12, (width - 2 * margin - count * maxNodeWidth) / Math.max(1, count - 1)),
    );
    const nodeWidth = Math.min(maxNodeWidth, (width - 2 * margin - (count - 1) * rowGap) / count);
    const rowWidth = count * nodeWidth + (count - 1) * rowGap;
    const rowHeight = Math.max(...tier.map(heightOf));
    let x = (width - rowWidth) / 2;
    // The dead letters sit straight under the broker that parks them there, when it is alone.
    const broker = Object.values(nodes).find((box) => box.kind === 'broker');
    if (count === 1 && tier[0]?.kind === 'deadLetterQueue' && broker !== undefined) {
      const underBroker = broker.x + broker.width / 2 - nodeWidth / 2;
      x = Math.min(width - margin - nodeWidth, Math.max(margin, underBroker));
    }
    // Every box in a row gets the row's height, so a row reads as one tier.
    for (const actor of tier) {
      nodes[actor.id] = {
        id: actor.id,
        kind: actor.kind,
        label: actor.label,
        x,
        y,
        width: nodeWidth,
        height: rowHeight,
      };
      x += nodeWidth + rowGap;
    }
    y += rowHeight + tierGap;
  }
  const height = y - tierGap + margin;

  const edgeLines: EdgeLine[] = [];
  for (const edge of edges) {
    const a = nodes[edge.a];
    const b = nodes[edge.b];
    if (a === undefined || b === undefined) continue;
    const start = borderPoint(a, centre(b));
    const end = borderPoint(b, centre(a));
    edgeLines.push({ a: edge.a, b: edge.b, x1: start.x, y1: start.y, x2: end.x, y2: end.y });
  }

  return { size, width, height: Math.max(height, 2 * margin), nodes, edges: edgeLines };
}

/**
 * The broker between its consumers, so its links to them do not run through another box. A lone
 * consumer goes left of the broker, under the cache it cleans, which leaves the broker under the
 * relay that feeds it: the loop's links then do not cross.
 */
function brokerInTheMiddle(tier: ActorInfo[]): ActorInfo[] {
  const brokers = tier.filter((actor) => actor.kind === 'broker');
  if (brokers.length === 0) return tier;
  const others = tier.filter((actor) => actor.kind !== 'broker');
  const middle = Math.ceil(others.length / 2);
  return [...others.slice(0, middle), ...brokers, ...others.slice(middle)];
}

/** A tier split into rows of at most `perRow`, as evenly as possible (5 at 3 a row: 3 and 2). */
function wrapRow<T>(tier: readonly T[], perRow: number): T[][] {
  if (tier.length === 0) return [];
  const rowCount = Math.ceil(tier.length / perRow);
  const size = Math.ceil(tier.length / rowCount);
  const rows: T[][] = [];
  for (let start = 0; start < tier.length; start += size) rows.push(tier.slice(start, start + size));
  return rows;
}

export interface PacketSize {
  width: number;
  height: number;
}

/** Where a packet's centre is when it leaves (progress 0) and when it arrives (progress 1). */
export interface PacketTrack {
  start: Point;
  end: Point;
}

/**
 * The path a packet from `from` to `to` follows: the line between the two boxes, shifted to its
 * direction's lane, and trimmed at both ends so the packet's own body never covers either box.
 */
export function packetTrack(from: NodeBox, to: NodeBox, packet: PacketSize): PacketTrack {
  const a = centre(from);
  const b = centre(to);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const laneAt = (offset: number) => {
    // The left-hand normal flips with the direction of travel, so one sign gives each direction
    // its own side of the edge.
    const at = (along: number): Point => ({
      x: a.x + ux * along + uy * offset,
      y: a.y + uy * along - ux * offset,
    });
    const clear = (box: NodeBox, along: number) => !overlaps(bodyAt(at(along), packet), box);
    // Moving along the line away from a box, the packet leaves it once and for all, so the first
    // and last clear positions can be found by bisection.
    const leaves = bisect(0, length, (along) => clear(from, along));
    const arrives = length - bisect(0, length, (back) => clear(to, length - back));
    return { at, leaves, arrives };
  };
  let lane = laneAt(PACKET_LANE_OFFSET);
  // Between two close boxes (neighbours in a row) a packet on its lane would cover both: move the
  // lane out, past the boxes' edges, so the packet hops over the gap instead of hiding the names.
  for (let offset = PACKET_LANE_OFFSET; lane.leaves > lane.arrives && offset < MAX_LANE_OFFSET;) {
    offset += 4;
    lane = laneAt(offset);
  }
  let { leaves, arrives } = lane;
  if (leaves > arrives) leaves = arrives = (leaves + arrives) / 2;
  return { start: lane.at(leaves), end: lane.at(arrives) };
}

export function pointOnTrack(track: PacketTrack, progress: number): Point {
  const t = Math.min(1, Math.max(0, progress));
  return {
    x: track.start.x + (track.end.x - track.start.x) * t,
    y: track.start.y + (track.end.y - track.start.y) * t,
  };
}

function bodyAt(centrePoint: Point, packet: PacketSize) {
  return {
    x: centrePoint.x - packet.width / 2,
    y: centrePoint.y - packet.height / 2,
    width: packet.width,
    height: packet.height,
  };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest value in [low, high] for which `ok` holds, assuming it stays true once it holds. */
function bisect(low: number, high: number, ok: (value: number) => boolean): number {
  if (ok(low)) return low;
  if (!ok(high)) return high;
  let bad = low;
  let good = high;
  for (let i = 0; i < 24; i++) {
    const middle = (bad + good) / 2;
    if (ok(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/** How far along its edge a message is at simulated time `now`. */
export function messageProgress(now: number, sendTime: number, recvTime: number): number {
  if (recvTime <= sendTime) return now >= recvTime ? 1 : 0;
  return Math.min(1, Math.max(0, (now - sendTime) / (recvTime - sendTime)));
}

export function centre(node: NodeBox): Point {
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

/** Where the line from the box's centre towards `toward` leaves the box. */
export function borderPoint(node: NodeBox, toward: Point): Point {
  const c = centre(node);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(
    dx === 0 ? Infinity : node.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : node.height / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}
