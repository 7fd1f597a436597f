import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { MotionValue } from 'motion/react';
import type { Frame, Trace } from '../../engine/index.ts';
import { canIntervene } from './interventions.ts';
import type { InterventionTarget } from './interventions.ts';
import { Packet } from './Packet.tsx';
import { TopologyNode } from './TopologyNode.tsx';
import { stateInWords } from './stateWords.ts';
import { layoutTopology, MAX_HOLD_LINES, MAX_PENDING_LINES, shownLines } from './topologyLayout.ts';
import type { DiagramSize } from './topologyLayout.ts';
import './topology.css';

interface TopologyProps {
  trace: Trace;
  frame: Frame;
  /** The frame whose messages in flight are drawn (the previous one while a step animates). */
  packetFrame: Frame;
  now: MotionValue<number>;
  size: DiagramSize;
  /**
   * Makes the actors that can fail, and the messages in flight, buttons: activating one calls this
   * with where it is (in percent of the diagram) and the element to give focus back to.
   */
  onActivate?: ((target: InterventionTarget, anchor: AnchorPoint, opener: Element) => void) | undefined;
  /** What the open intervention menu is about, if one is open. */
  activeTarget?: InterventionTarget | null | undefined;
  /** The open intervention menu, drawn over the diagram (positioned by its anchor). */
  menu?: ReactNode;
}

/** A point in percent of the diagram's width and height. */
export interface AnchorPoint {
  left: number;
  top: number;
}

/** The system drawn as boxes and links, with messages moving along the links in simulated time. */
export function Topology({
  trace,
  frame,
  packetFrame,
  now,
  size,
  onActivate,
  activeTarget = null,
  menu = null,
}: TopologyProps) {
  const titleId = useId();
  const descriptionId = useId();
  const layout = useMemo(() => {
    // Size each box for the most lines it ever lists, so boxes do not jump between steps.
    const lines: Record<string, number> = {};
    for (const f of trace.frames) {
      for (const [id, view] of Object.entries(f.actors)) {
        const shown =
          shownLines(view.pending.length, MAX_PENDING_LINES) +
          shownLines(view.holds?.length ?? 0, MAX_HOLD_LINES);
        lines[id] = Math.max(lines[id] ?? 0, shown);
      }
    }
    return layoutTopology(trace.actors, trace.edges, lines, size);
  }, [trace, size]);
  const partitionOf = partitionWords(frame.partitions);
  const labelOf = (id: string) => trace.actors.find((actor) => actor.id === id)?.label ?? id;
  const percentOf = (x: number, y: number): AnchorPoint => ({
    left: (x / layout.width) * 100,
    top: (y / layout.height) * 100,
  });
  // A link with its two ends on different sides of a partition carries nothing: drawn cut.
  const isCut = (a: string, b: string) => partitionOf.get(a) !== partitionOf.get(b);

  const delivered = frame.delivered;
  const isActiveEdge = (a: string, b: string) =>
    delivered !== null &&
    ((delivered.from === a && delivered.to === b) || (delivered.from === b && delivered.to === a));

  const picture = (
    <svg
      className={`topology topology-${size}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
    >
      <title id={titleId}>Diagram of the system at step {frame.index}.</title>
      <desc id={descriptionId}>{describe(trace, frame)}</desc>
      <g className="topology-edges">
        {layout.edges.map((edge) => {
          const cut = isCut(edge.a, edge.b);
          const className = [
            'topology-edge',
            isActiveEdge(edge.a, edge.b) ? 'is-active' : '',
            cut ? 'is-cut' : '',
          ];
          return (
            <g key={`${edge.a}-${edge.b}`}>
              <line
                className={className.filter(Boolean).join(' ')}
                x1={edge.x1}
                y1={edge.y1}
                x2={edge.x2}
                y2={edge.y2}
              />
              {cut ? <CutMark x={(edge.x1 + edge.x2) / 2} y={(edge.y1 + edge.y2) / 2} /> : null}
            </g>
          );
        })}
      </g>
      <g className="topology-nodes">
        {trace.actors.map((actor) => {
          const node = layout.nodes[actor.id];
          if (node === undefined) return null;
          return (
            <TopologyNode
              key={actor.id}
              node={node}
              view={frame.actors[actor.id]}
              acting={frame.actor === actor.id}
              partition={partitionOf.get(actor.id) ?? null}
              charWidth={size === 'compact' ? 7 : 6.4}
            />
          );
        })}
      </g>
      <g className="topology-packets">
        {packetFrame.inFlight.map((message) => {
          const from = layout.nodes[message.from];
          const to = layout.nodes[message.to];
          if (from === undefined || to === undefined) return null;
          return <Packet key={message.id} message={message} from={from} to={to} now={now} />;
        })}
      </g>
    </svg>
  );
  if (onActivate === undefined) return picture;

  // The picture stays an image; the parts a learner can break are buttons on a layer above it.
  const packetAnchor = (opener: Element, fallback: AnchorPoint): AnchorPoint => {
    const box = opener.getBoundingClientRect();
    const svg = opener instanceof SVGElement ? opener.ownerSVGElement?.getBoundingClientRect() : undefined;
    if (svg === undefined || svg.width === 0 || svg.height === 0) return fallback;
    return {
      left: ((box.left - svg.left) / svg.width) * 100,
      top: ((box.bottom - svg.top) / svg.height) * 100,
    };
  };
  return (
    <div className="topology-stack">
      {picture}
      <svg
        className={`topology topology-controls topology-${size}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label="Faults you can inject: select a node or a message"
      >
        {trace.actors.map((actor) => {
          const node = layout.nodes[actor.id];
          if (node === undefined || !canIntervene(actor)) return null;
          const view = frame.actors[actor.id];
          const state = view === undefined ? 'not started' : stateInWords(view.state);
          const partition = partitionOf.get(actor.id);
          return (
            <HitArea
              key={actor.id}
              label={`${actor.label}: ${partition === undefined ? state : `${state}, ${partition}`}`}
              expanded={activeTarget?.kind === 'node' && activeTarget.actorId === actor.id}
              onActivate={(opener) =>
                onActivate(
                  { kind: 'node', actorId: actor.id },
                  percentOf(node.x, node.y + node.height),
                  opener,
                )
              }
            >
              <rect
                className="hit-area"
                x={node.x}
                y={node.y}
                width={node.width}
                height={node.height}
                rx={10}
              />
            </HitArea>
          );
        })}
        {packetFrame.inFlight.map((message) => {
          const from = layout.nodes[message.from];
          const to = layout.nodes[message.to];
          if (from === undefined || to === undefined) return null;
          return (
            <HitArea
              key={message.id}
              label={`Message ${message.label} from ${labelOf(message.from)} to ${labelOf(message.to)}`}
              expanded={activeTarget?.kind === 'message' && activeTarget.message.id === message.id}
              onActivate={(opener) =>
                onActivate(
                  { kind: 'message', message },
                  packetAnchor(opener, percentOf((from.x + to.x) / 2, (from.y + to.y) / 2)),
                  opener,
                )
              }
            >
              <Packet message={message} from={from} to={to} now={now} hitArea />
            </HitArea>
          );
        })}
      </svg>
      {menu}
    </div>
  );
}

interface HitAreaProps {
  label: string;
  expanded: boolean;
  onActivate: (opener: SVGGElement) => void;
  children: ReactNode;
}

/** A part of the diagram as a button that opens its menu of faults (click, Enter or Space). */
function HitArea({ label, expanded, onActivate, children }: HitAreaProps) {
  return (
    <g
      className="hit-target"
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={expanded}
      onClick={(event) => onActivate(event.currentTarget)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        // Handled here: the player must not also play or pause on Space.
        event.preventDefault();
        onActivate(event.currentTarget);
      }}
    >
      {children}
    </g>
  );
}

/** A cross on a link that a partition cuts. */
function CutMark({ x, y }: { x: number; y: number }) {
  return <path className="topology-cut" d={`M${x - 6} ${y - 6}l12 12M${x + 6} ${y - 6}l-12 12`} />;
}

/**
 * Each partitioned actor's words: "partitioned" when one group is cut off, "partition 1", … when
 * several are. Actors in no group are on the main side and have none.
 */
function partitionWords(partitions: readonly string[][]): Map<string, string> {
  const words = new Map<string, string>();
  partitions.forEach((group, index) => {
    for (const id of group) words.set(id, partitions.length === 1 ? 'partitioned' : `partition ${index + 1}`);
  });
  return words;
}

/** The diagram in words, for people who cannot see it. */
function describe(trace: Trace, frame: Frame): string {
  const labelOf = (id: string) => trace.actors.find((actor) => actor.id === id)?.label ?? id;
  const actors = trace.actors.map((actor) => {
    const view = frame.actors[actor.id];
    const state = view === undefined ? 'not started' : stateInWords(view.state);
    const acting = frame.actor === actor.id ? ' (acting in this step)' : '';
    const holds =
      view?.holds !== undefined && view.holds.length > 0 ? `; holds ${view.holds.join(', ')}` : '';
    return `${actor.label}: ${state}${acting}${holds}.`;
  });
  const partitions = frame.partitions.map(
    (group) => `Cut off from the rest by a partition: ${group.map(labelOf).join(', ')}.`,
  );
  const inFlight =
    frame.inFlight.length === 0
      ? 'No messages in flight.'
      : `In flight: ${frame.inFlight
          .map((message) => `${message.label} from ${labelOf(message.from)} to ${labelOf(message.to)}`)
          .join('; ')}.`;
  return [...actors, ...partitions, inFlight].join(' ');
}
