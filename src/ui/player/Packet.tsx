import { useMemo } from 'react';
import { m, useTransform } from 'motion/react';
import type { MotionValue } from 'motion/react';
import type { MessageView } from '../../engine/index.ts';
import { messageProgress, packetTrack, pointOnTrack } from './topologyLayout.ts';
import type { NodeBox } from './topologyLayout.ts';

interface PacketProps {
  message: MessageView;
  from: NodeBox;
  to: NodeBox;
  now: MotionValue<number>;
  /** Only the packet's outline, moving with it: the clickable area on the diagram's controls layer. */
  hitArea?: boolean;
}

/** Packet labels use a monospace face, so their width follows from the character count. */
const CHAR_WIDTH = 6.7;
const PADDING = 16;
const HEIGHT = 20;
/** Longer labels are cut; the narration and the tooltip carry the whole command. */
const MAX_LABEL = 40;

/** A message on its way, drawn where simulated time says it is: (now − sent) / (received − sent). */
export function Packet({ message, from, to, now, hitArea = false }: PacketProps) {
  const label =
    message.label.length > MAX_LABEL ? `${message.label.slice(0, MAX_LABEL - 1)}\u2026` : message.label;
  const width = label.length * CHAR_WIDTH + PADDING;
  const track = useMemo(() => packetTrack(from, to, { width, height: HEIGHT }), [from, to, width]);
  const position = (t: number) => pointOnTrack(track, messageProgress(t, message.sendTime, message.recvTime));
  const x = useTransform(now, (t) => position(t).x);
  const y = useTransform(now, (t) => position(t).y);
  const isReply =
    message.kind === 'response' || message.kind === 'cache reply' || message.kind === 'db result';
  if (hitArea) {
    return (
      <m.g style={{ x, y }}>
        <rect
          className="hit-area"
          x={-width / 2}
          y={-HEIGHT / 2}
          width={width}
          height={HEIGHT}
          rx={HEIGHT / 2}
        />
      </m.g>
    );
  }
  return (
    <m.g className={isReply ? 'packet packet-reply' : 'packet'} style={{ x, y }}>
      <rect
        className="packet-body"
        x={-width / 2}
        y={-HEIGHT / 2}
        width={width}
        height={HEIGHT}
        rx={HEIGHT / 2}
      />
      <title>{message.label}</title>
      <text className="packet-label" textAnchor="middle" dominantBaseline="central">
        {label}
      </text>
    </m.g>
  );
}
