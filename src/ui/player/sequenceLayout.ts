import type { AnomalyKind, Trace } from '../../engine/index.ts';

/** One message as an arrow of the sequence diagram: from its sender's lane to its receiver's. */
export interface SequenceArrow {
  id: number;
  from: string;
  to: string;
  label: string;
  /** The frame in which it was sent, and the one in which it arrived, was lost or was dropped. */
  sentAt: number;
  endedAt: number;
  /** Lost on the way (a fault, a partition, a crashed receiver) instead of delivered. */
  lost: boolean;
}

export interface SequenceLayout {
  lanes: { id: string; label: string; x: number }[];
  arrows: SequenceArrow[];
  anomalies: { step: number; kinds: AnomalyKind[] }[];
  width: number;
  height: number;
  rowHeight: number;
  /** The y of a frame's row. */
  yOf: (step: number) => number;
}

export const LANE_WIDTH = 108;
export const ROW_HEIGHT = 22;
/** Room above the first row (the lane names sit in an HTML header that stays in view). */
export const HEADER_HEIGHT = 10;
const GUTTER = 32;

/**
 * The whole run as a sequence diagram: a lane per actor, a row per frame, an arrow per message
 * from the frame that sent it to the frame that delivered (or lost) it. Pure, from the trace only.
 */
export function layoutSequence(trace: Trace): SequenceLayout {
  const lanes = trace.actors.map((actor, i) => ({
    id: actor.id,
    label: actor.label,
    x: GUTTER + LANE_WIDTH / 2 + i * LANE_WIDTH,
  }));
  const arrows = new Map<number, SequenceArrow>();
  for (const frame of trace.frames) {
    for (const message of frame.inFlight) {
      if (!arrows.has(message.id)) {
        arrows.set(message.id, {
          id: message.id,
          from: message.from,
          to: message.to,
          label: message.label,
          sentAt: frame.index,
          endedAt: frame.index,
          lost: false,
        });
      }
    }
    const delivered = frame.delivered;
    if (delivered !== null) {
      const arrow = arrows.get(delivered.id);
      if (arrow !== undefined) {
        arrow.endedAt = frame.index;
        arrow.lost = frame.narration.key.startsWith('fault.lost');
      }
    }
    // A message dropped by an intervention leaves the frames without being delivered.
    if (frame.cause.kind === 'fault applied' && frame.cause.fault.kind === 'drop message') {
      const arrow = arrows.get(frame.cause.fault.messageId);
      if (arrow !== undefined) {
        arrow.endedAt = frame.index;
        arrow.lost = true;
      }
    }
  }
  const byStep = new Map<number, AnomalyKind[]>();
  for (const anomaly of trace.anomalies)
    byStep.set(anomaly.step, [...(byStep.get(anomaly.step) ?? []), anomaly.kind]);
  const yOf = (step: number) => HEADER_HEIGHT + ROW_HEIGHT / 2 + step * ROW_HEIGHT;
  return {
    lanes,
    arrows: [...arrows.values()],
    anomalies: [...byStep].map(([step, kinds]) => ({ step, kinds })),
    width: GUTTER + lanes.length * LANE_WIDTH,
    height: HEADER_HEIGHT + trace.frames.length * ROW_HEIGHT,
    rowHeight: ROW_HEIGHT,
    yOf,
  };
}
