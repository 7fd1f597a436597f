import { useId, useMemo } from 'react';
import type { MotionValue } from 'motion/react';
import type { Frame, Trace } from '../../engine/index.ts';
import { Packet } from './Packet.tsx';
import { TopologyNode } from './TopologyNode.tsx';
import { stateInWords } from './stateWords.ts';
import { layoutTopology, MAX_PENDING_LINES } from './topologyLayout.ts';
import type { DiagramSize } from './topologyLayout.ts';
import './topology.css';

interface TopologyProps {
  trace: Trace;
  frame: Frame;
  /** The frame whose messages in flight are drawn (the previous one while a step animates). */
  packetFrame: Frame;
  now: MotionValue<number>;
  size: DiagramSize;
}

/** The system drawn as boxes and links, with messages moving along the links in simulated time. */
export function Topology({ trace, frame, packetFrame, now, size }: TopologyProps) {
  const titleId = useId();
  const descriptionId = useId();
  const layout = useMemo(() => {
    // Size each box for the most requests it ever lists, so boxes do not jump between steps.
    const pendingLines: Record<string, number> = {};
    for (const f of trace.frames) {
      for (const [id, view] of Object.entries(f.actors)) {
        pendingLines[id] = Math.max(
          pendingLines[id] ?? 0,
          Math.min(view.pending.length, MAX_PENDING_LINES + 1),
        );
      }
    }
    return layoutTopology(trace.actors, trace.edges, pendingLines, size);
  }, [trace, size]);

  const delivered = frame.delivered;
  const isActiveEdge = (a: string, b: string) =>
    delivered !== null &&
    ((delivered.from === a && delivered.to === b) || (delivered.from === b && delivered.to === a));

  return (
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
        {layout.edges.map((edge) => (
          <line
            key={`${edge.a}-${edge.b}`}
            className={isActiveEdge(edge.a, edge.b) ? 'topology-edge is-active' : 'topology-edge'}
            x1={edge.x1}
            y1={edge.y1}
            x2={edge.x2}
            y2={edge.y2}
          />
        ))}
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
}

/** The diagram in words, for people who cannot see it. */
function describe(trace: Trace, frame: Frame): string {
  const labelOf = (id: string) => trace.actors.find((actor) => actor.id === id)?.label ?? id;
  const actors = trace.actors.map((actor) => {
    const view = frame.actors[actor.id];
    const state = view === undefined ? 'not started' : stateInWords(view.state);
    const acting = frame.actor === actor.id ? ' (acting in this step)' : '';
    return `${actor.label}: ${state}${acting}.`;
  });
  const inFlight =
    frame.inFlight.length === 0
      ? 'No messages in flight.'
      : `In flight: ${frame.inFlight
          .map((message) => `${message.label} from ${labelOf(message.from)} to ${labelOf(message.to)}`)
          .join('; ')}.`;
  return [...actors, inFlight].join(' ');
}
