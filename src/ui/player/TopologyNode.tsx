import type { ActorView } from '../../engine/index.ts';
import { ACTOR_ICON_SIZE, ActorIcon } from './actorIcons.tsx';
import { stateInWords } from './stateWords.ts';
import {
  MAX_HOLD_LINES,
  MAX_PENDING_LINES,
  NODE_BASE_HEIGHT,
  PENDING_LINE_HEIGHT,
} from './topologyLayout.ts';
import type { NodeBox } from './topologyLayout.ts';

interface TopologyNodeProps {
  node: NodeBox;
  view: ActorView | undefined;
  acting: boolean;
  /** Words for the partition the actor is in ("partitioned"), or null when it is not cut off. */
  partition: string | null;
  /** Average width of a character of the node's small text, in SVG units, to cut long lines. */
  charWidth: number;
}

const SIDE_PADDING = 16;
const HALO = 5;

/**
 * One actor: its icon, name and state in plain words and, while it works, the requests in
 * progress, then what it holds (sessions, queued events, dead letters).
 */
export function TopologyNode({ node, view, acting, partition, charWidth }: TopologyNodeProps) {
  const { x, y, width, height } = node;
  const textX = x + SIDE_PADDING;
  const fit = Math.floor((width - SIDE_PADDING - 10) / charWidth);
  // The name is larger and bolder than the small text. In a narrow box the name wins over the
  // (decorative) icon, except on a crashed actor, whose struck icon is part of saying so.
  const nameFit = (room: number) => Math.floor(room / (charWidth * 1.4));
  const fitsBesideIcon = node.label.length <= nameFit(width - SIDE_PADDING - 12 - ACTOR_ICON_SIZE);
  const down = view !== undefined && isDown(view.state);
  const showIcon = fitsBesideIcon || down;
  const labelFit = nameFit(width - SIDE_PADDING - (showIcon ? 12 + ACTOR_ICON_SIZE : 8));
  const pending = down ? [] : (view?.pending ?? []);
  const listed = pending.length > MAX_PENDING_LINES + 1 ? pending.slice(0, MAX_PENDING_LINES) : pending;
  const morePending = pending.length - listed.length;
  const holds = view?.holds ?? [];
  const heldLines = holds.length > MAX_HOLD_LINES + 1 ? holds.slice(0, MAX_HOLD_LINES) : holds;
  const moreHeld = holds.length - heldLines.length;
  const firstHoldLine = listed.length + (morePending > 0 ? 1 : 0);
  const lineY = (index: number) => y + NODE_BASE_HEIGHT + 6 + index * PENDING_LINE_HEIGHT;
  const state = view === undefined ? 'not started' : stateInWords(view.state);
  const stateLine = partition === null ? state : `${state} \u00b7 ${partition}`;
  const classes = ['topology-node', `kind-${node.kind}`, acting ? 'is-acting' : '', down ? 'is-down' : ''];

  return (
    <g className={classes.filter(Boolean).join(' ')}>
      {partition !== null ? (
        <rect
          className="partition-halo"
          x={x - HALO}
          y={y - HALO}
          width={width + 2 * HALO}
          height={height + 2 * HALO}
          rx={14}
        />
      ) : null}
      <rect className="node-box" x={x} y={y} width={width} height={height} rx={10} />
      <rect className="node-stripe" x={x} y={y + 10} width={4} height={height - 20} rx={2} />
      {showIcon ? (
        <ActorIcon kind={node.kind} x={x + width - ACTOR_ICON_SIZE - 8} y={y + 10} down={down} />
      ) : null}
      <text className="node-label" x={textX} y={y + 23}>
        {truncateName(node.label, labelFit)}
      </text>
      <text className="node-state" x={textX} y={y + 42}>
        {truncate(stateLine, fit)}
      </text>
      {listed.map((request, index) => {
        // A client's state already says it is waiting, so it lists only what it asked for. Elsewhere
        // the phase comes first: it changes from step to step, so it must survive truncation.
        const asked = `${request.op} ${request.key}`;
        const line = node.kind === 'client' ? asked : `${request.phase} \u00b7 ${asked}`;
        return (
          <text key={request.requestId} className="node-pending" x={textX} y={lineY(index)}>
            <title>{`${asked}: ${request.phase}`}</title>
            {truncate(line, fit)}
          </text>
        );
      })}
      {morePending > 0 ? (
        <text className="node-pending" x={textX} y={lineY(listed.length)}>
          +{morePending} more
        </text>
      ) : null}
      {heldLines.map((line, index) => (
        <text key={`${index}-${line}`} className="node-holds" x={textX} y={lineY(firstHoldLine + index)}>
          {/* The whole line on hover, when it had to be cut. */}
          {line.length > fit ? <title>{line}</title> : null}
          {truncate(line, fit)}
        </text>
      ))}
      {moreHeld > 0 ? (
        <text className="node-holds" x={textX} y={lineY(firstHoldLine + heldLines.length)}>
          +{moreHeld} more
        </text>
      ) : null}
    </g>
  );
}

export function isDown(state: string): boolean {
  return state === 'down' || state.startsWith('down.');
}

/** Like `truncate`, but keeps a short last word ("Consum… 2"), which tells numbered actors apart. */
function truncateName(name: string, limit: number): string {
  const tail = /\s\S{1,2}$/.exec(name)?.[0];
  if (name.length <= limit || tail === undefined || limit < tail.length + 3) return truncate(name, limit);
  return `${name.slice(0, limit - tail.length - 1)}\u2026${tail}`;
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, Math.max(1, limit - 1))}\u2026` : text;
}
