import type { ActorView } from '../../engine/index.ts';
import { stateInWords } from './stateWords.ts';
import { MAX_PENDING_LINES, NODE_BASE_HEIGHT, PENDING_LINE_HEIGHT } from './topologyLayout.ts';
import type { NodeBox } from './topologyLayout.ts';

interface TopologyNodeProps {
  node: NodeBox;
  view: ActorView | undefined;
  acting: boolean;
  /** Average width of a character of the node's small text, in SVG units, to cut long lines. */
  charWidth: number;
}

const SIDE_PADDING = 16;

/** One actor: its name, its state in plain words and, while it works, the requests in progress. */
export function TopologyNode({ node, view, acting, charWidth }: TopologyNodeProps) {
  const { x, y, width, height } = node;
  const textX = x + SIDE_PADDING;
  const fit = Math.floor((width - SIDE_PADDING - 10) / charWidth);
  const pending = view?.pending ?? [];
  const listed = pending.length > MAX_PENDING_LINES + 1 ? pending.slice(0, MAX_PENDING_LINES) : pending;
  const more = pending.length - listed.length;
  const lineY = (index: number) => y + NODE_BASE_HEIGHT + 6 + index * PENDING_LINE_HEIGHT;

  return (
    <g className={`topology-node kind-${node.kind}${acting ? ' is-acting' : ''}`}>
      <rect className="node-box" x={x} y={y} width={width} height={height} rx={10} />
      <rect className="node-stripe" x={x} y={y + 10} width={4} height={height - 20} rx={2} />
      <text className="node-label" x={textX} y={y + 23}>
        {truncate(node.label, Math.floor(fit * 0.85))}
      </text>
      <text className="node-state" x={textX} y={y + 42}>
        {truncate(view === undefined ? 'not started' : stateInWords(view.state), fit)}
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
      {more > 0 ? (
        <text className="node-pending" x={textX} y={lineY(listed.length)}>
          +{more} more
        </text>
      ) : null}
    </g>
  );
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, Math.max(1, limit - 1))}\u2026` : text;
}
