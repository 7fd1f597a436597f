import { describe, expect, it } from 'vitest';
import type { ActorInfo } from '../../src/engine/index.ts';
import {
  PACKET_LANE_OFFSET,
  layoutTopology,
  messageProgress,
  nodeHeight,
  packetTrack,
  pointOnTrack,
} from '../../src/ui/player/topologyLayout.ts';
import type { NodeBox, TopologyLayout } from '../../src/ui/player/topologyLayout.ts';
import { manyActors, manyEdges } from './traceFixture.ts';

const actors: ActorInfo[] = [
  { id: 'db', kind: 'database', label: 'Database' },
  { id: 'c1', kind: 'client', label: 'Client 1' },
  { id: 'cache', kind: 'cache', label: 'Cache' },
  { id: 'app', kind: 'appNode', label: 'App' },
  { id: 'c2', kind: 'client', label: 'Client 2' },
];
const edges = [
  { a: 'c1', b: 'app' },
  { a: 'c2', b: 'app' },
  { a: 'app', b: 'cache' },
  { a: 'app', b: 'db' },
];

function node(layout: TopologyLayout, id: string): NodeBox {
  const found = layout.nodes[id];
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a straight link passes through a box (sampled finely along its length). */
function crosses(edge: { x1: number; y1: number; x2: number; y2: number }, box: NodeBox): boolean {
  for (let t = 0; t <= 1; t += 0.01) {
    const x = edge.x1 + (edge.x2 - edge.x1) * t;
    const y = edge.y1 + (edge.y2 - edge.y1) * t;
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}

describe.each(['roomy', 'compact'] as const)('layoutTopology (%s)', (size) => {
  const layout = layoutTopology(actors, edges, {}, size);

  it('puts clients on top, then app nodes, then cache left of database', () => {
    expect(node(layout, 'c1').y).toBeLessThan(node(layout, 'app').y);
    expect(node(layout, 'app').y).toBeLessThan(node(layout, 'cache').y);
    expect(node(layout, 'cache').y).toBe(node(layout, 'db').y);
    expect(node(layout, 'cache').x).toBeLessThan(node(layout, 'db').x);
    expect(node(layout, 'c1').x).toBeLessThan(node(layout, 'c2').x);
  });

  it('keeps every box inside the drawing, without overlaps', () => {
    const boxes = Object.values(layout.nodes);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      for (const other of boxes) if (other !== box) expect(overlaps(box, other)).toBe(false);
    }
  });

  it('draws each edge between the two boxes\u2019 borders, and skips edges to unknown actors', () => {
    const withGhost = layoutTopology(actors, [...edges, { a: 'app', b: 'ghost' }], {}, size);
    expect(withGhost.edges).toHaveLength(4);
    const link = withGhost.edges.find((edge) => edge.a === 'app' && edge.b === 'cache');
    expect(link?.y1).toBeCloseTo(node(withGhost, 'app').y + node(withGhost, 'app').height);
    expect(link?.y2).toBeCloseTo(node(withGhost, 'cache').y);
  });

  it('never lets a packet cover the boxes it travels between', () => {
    const packet = { width: 260, height: 20 };
    for (const [from, to] of [
      ['app', 'cache'],
      ['cache', 'app'],
      ['c1', 'app'],
      ['app', 'db'],
    ] as const) {
      for (const progress of [0, 0.5, 1]) {
        const at = pointOnTrack(packetTrack(node(layout, from), node(layout, to), packet), progress);
        const body = { x: at.x - packet.width / 2, y: at.y - packet.height / 2, ...packet };
        expect(overlaps(body, node(layout, from))).toBe(false);
        expect(overlaps(body, node(layout, to))).toBe(false);
      }
    }
  });
});

describe('layoutTopology sizes', () => {
  it('sizes a node for the requests it lists, and its whole row alike', () => {
    const layout = layoutTopology(actors, edges, { app: 2, c2: 1 }, 'roomy');
    expect(node(layout, 'app').height).toBe(nodeHeight(2));
    expect(nodeHeight(2)).toBeGreaterThan(nodeHeight(0));
    expect(node(layout, 'c1').height).toBe(nodeHeight(1));
    expect(node(layout, 'c2').height).toBe(nodeHeight(1));
    expect(node(layout, 'cache').height).toBe(nodeHeight(0));
  });
});

describe('packets', () => {
  it('moves with simulated time from sender to receiver', () => {
    expect(messageProgress(10, 10, 20)).toBe(0);
    expect(messageProgress(15, 10, 20)).toBe(0.5);
    expect(messageProgress(25, 10, 20)).toBe(1);
    expect(messageProgress(5, 10, 20)).toBe(0);
    expect(messageProgress(10, 10, 10)).toBe(1);
  });

  it('moves a packet further along as progress grows', () => {
    const layout = layoutTopology(actors, edges, {}, 'roomy');
    const size = { width: 100, height: 20 };
    const track = packetTrack(node(layout, 'c1'), node(layout, 'app'), size);
    const start = pointOnTrack(track, 0);
    const end = pointOnTrack(track, 1);
    expect(end.y - start.y).toBeGreaterThan(40);
  });

  it('keeps requests and replies on opposite sides of an edge', () => {
    const layout = layoutTopology(actors, edges, {}, 'roomy');
    const size = { width: 100, height: 20 };
    const client = node(layout, 'c1');
    const app = node(layout, 'app');
    const out = pointOnTrack(packetTrack(client, app, size), 0.5);
    const back = pointOnTrack(packetTrack(app, client, size), 0.5);
    // Signed distance from the line joining the two boxes' centres.
    const a = { x: client.x + client.width / 2, y: client.y + client.height / 2 };
    const b = { x: app.x + app.width / 2, y: app.y + app.height / 2 };
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const side = (p: { x: number; y: number }) =>
      ((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) / length;
    expect(side(out)).toBeCloseTo(PACKET_LANE_OFFSET);
    expect(side(back)).toBeCloseTo(-PACKET_LANE_OFFSET);
  });
});

describe.each(['roomy', 'compact'] as const)('layoutTopology with many actors (%s)', (size) => {
  // Some lines of pending requests and held items, as a busy run would have.
  const lines = { nodeA: 3, broker: 2, dlq: 1, alice: 1 };
  const layout = layoutTopology(manyActors, manyEdges, lines, size);
  const boxes = Object.values(layout.nodes);

  it('places every actor, inside the drawing, without overlaps', () => {
    expect(boxes).toHaveLength(manyActors.length);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      for (const other of boxes) if (other !== box) expect(overlaps(box, other)).toBe(false);
    }
  });

  it('keeps boxes wide enough to read a short name', () => {
    for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(100);
  });

  it('follows the flow: clients, load balancer, app nodes, data, then the event pieces', () => {
    const y = (id: string) => node(layout, id).y;
    expect(y('alice')).toBeLessThan(y('lb'));
    expect(y('lb')).toBeLessThan(y('nodeA'));
    expect(y('nodeA')).toBe(y('nodeC'));
    expect(y('nodeA')).toBeLessThan(y('cache'));
    expect(y('cache')).toBe(y('db'));
    expect(y('db')).toBe(y('relay'));
    expect(y('cache')).toBeLessThan(y('broker'));
    expect(y('broker')).toBe(y('consumer1'));
    expect(y('broker')).toBeLessThan(y('dlq'));
    expect(node(layout, 'consumer1').x).toBeLessThan(node(layout, 'broker').x);
    expect(node(layout, 'broker').x).toBeLessThan(node(layout, 'consumer2').x);
  });

  it('draws no link of the event loop through a box it does not join', () => {
    const eventKinds = new Set(['relay', 'broker', 'deadLetterQueue', 'consumer']);
    const isEventLink = (edge: { a: string; b: string }) =>
      [edge.a, edge.b].some((id) => eventKinds.has(node(layout, id).kind));
    for (const edge of layout.edges.filter(isEventLink)) {
      for (const box of boxes) {
        if (box.id === edge.a || box.id === edge.b) continue;
        expect(crosses(edge, box), `${edge.a}-${edge.b} crosses ${box.id}`).toBe(false);
      }
    }
  });

  it('gives the boxes in one row one height, tall enough for their lines', () => {
    expect(node(layout, 'nodeA').height).toBe(nodeHeight(3));
    expect(node(layout, 'nodeB').height).toBe(nodeHeight(3));
    expect(node(layout, 'consumer1').height).toBe(nodeHeight(2));
  });
});

describe('layoutTopology rows', () => {
  it('wraps a row with more actors than fit onto another row, evenly', () => {
    const clients: ActorInfo[] = Array.from({ length: 5 }, (_, i) => ({
      id: `c${i}`,
      kind: 'client',
      label: `Client ${i}`,
    }));
    const layout = layoutTopology(clients, [], {}, 'compact');
    const rows = new Map<number, number>();
    for (const box of Object.values(layout.nodes)) rows.set(box.y, (rows.get(box.y) ?? 0) + 1);
    expect([...rows.values()]).toEqual([3, 2]);
  });
});

describe.each(['roomy', 'compact'] as const)('layoutTopology with one consumer (%s)', (size) => {
  // The event-driven scenarios: two nodes, cache, database, relay, broker, one consumer, dead letters.
  const ids = new Set(['alice', 'nodeA', 'nodeB', 'cache', 'db', 'relay', 'broker', 'dlq', 'consumer1']);
  const actors = manyActors.filter((actor) => ids.has(actor.id));
  const edges = manyEdges.filter((edge) => ids.has(edge.a) && ids.has(edge.b));
  const layout = layoutTopology(actors, edges, {}, size);
  const boxes = Object.values(layout.nodes);
  const mid = (id: string) => node(layout, id).x + node(layout, id).width / 2;

  it('puts the consumer under the cache and the broker under the relay, so the loop does not cross', () => {
    expect(mid('consumer1')).toBeLessThan(mid('broker'));
    const consumerToCache = layout.edges.find((edge) => edge.a === 'consumer1' && edge.b === 'cache');
    const relayToBroker = layout.edges.find((edge) => edge.a === 'relay' && edge.b === 'broker');
    if (consumerToCache === undefined || relayToBroker === undefined) throw new Error('missing links');
    expect(Math.max(consumerToCache.x1, consumerToCache.x2)).toBeLessThan(
      Math.min(relayToBroker.x1, relayToBroker.x2),
    );
    for (const edge of layout.edges) {
      for (const box of boxes) {
        if (box.id === edge.a || box.id === edge.b) continue;
        expect(crosses(edge, box), `${edge.a}-${edge.b} crosses ${box.id}`).toBe(false);
      }
    }
  });

  it('puts the dead letters straight under the broker', () => {
    expect(mid('dlq')).toBeCloseTo(mid('broker'));
  });

  it('lets a packet between neighbours in a row hop over the gap instead of covering them', () => {
    const packet = { width: 220, height: 20 };
    for (const [from, to] of [
      ['db', 'relay'],
      ['relay', 'db'],
      ['broker', 'consumer1'],
    ] as const) {
      for (const progress of [0, 0.5, 1]) {
        const at = pointOnTrack(packetTrack(node(layout, from), node(layout, to), packet), progress);
        const body = { x: at.x - packet.width / 2, y: at.y - packet.height / 2, ...packet };
        expect(overlaps(body, node(layout, from)), `${from}\u2192${to} at ${progress}`).toBe(false);
        expect(overlaps(body, node(layout, to)), `${from}\u2192${to} at ${progress}`).toBe(false);
      }
    }
  });
});
