import { useEffect, useId, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/index.ts';
import { anomalyTitles } from '../../content/narration/anomalies.ts';
import { LANE_WIDTH, layoutSequence } from './sequenceLayout.ts';
import './sequence.css';

interface SequenceViewProps {
  trace: Trace;
  step: number;
}

const SHAPE: Record<string, string> = {
  'stale read': 'M0 -6 6 5H-6z',
  'lost write': 'M-5 -5h10v10h-10zM-3 -3l6 6M3 -3l-6 6',
  divergence: 'M0 -6 6 0 0 6 -6 0z',
};

/**
 * The same run as a sequence diagram: a lane per actor, time going down a row per step, an arrow
 * per message. What has happened by the current step is drawn in full; what is still to come is
 * faint, so the cursor reads the same as in the topology view.
 */
export function SequenceView({ trace, step }: SequenceViewProps) {
  const layout = useMemo(() => layoutSequence(trace), [trace]);
  const titleId = useId();
  const cursorRef = useRef<SVGRectElement>(null);
  const arrowId = useId();
  const lostArrowId = useId();

  useEffect(() => {
    // Keep the current step in view as the cursor moves (jsdom has no scrolling).
    cursorRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [step]);

  const cursorY = layout.yOf(step) - layout.rowHeight / 2;
  const laneX = new Map(layout.lanes.map((lane) => [lane.id, lane.x]));
  const seen = layout.arrows.filter((a) => a.sentAt <= step).length;
  const anomalySteps = layout.anomalies.filter((a) => a.step <= step).length;

  return (
    // Focusable so the keyboard can reach and scroll it; the arrow keys still step the run.
    <div className="sequence-scroll" tabIndex={0} role="region" aria-label="Sequence diagram">
      {/* The lane names stay in view while the rows scroll under them. */}
      <div className="sequence-header" style={{ width: layout.width }} aria-hidden="true">
        {layout.lanes.map((lane) => (
          <span key={lane.id} className="sequence-lane-label" style={{ left: lane.x }}>
            {shorten(lane.label)}
          </span>
        ))}
      </div>
      <svg
        className="sequence"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{describe(step, seen, layout.arrows.length, anomalySteps)}</title>
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0 0 8 4 0 8z" className="sequence-arrowhead" />
          </marker>
          <marker id={lostArrowId} viewBox="0 0 8 8" refX="4" refY="4" markerWidth="8" markerHeight="8">
            <path d="M1 1 7 7M7 1 1 7" className="sequence-lost-mark" />
          </marker>
        </defs>
        <rect
          ref={cursorRef}
          className="sequence-cursor"
          x={0}
          y={cursorY}
          width={layout.width}
          height={layout.rowHeight}
        />
        {layout.lanes.map((lane) => (
          <line key={lane.id} className="sequence-lane" x1={lane.x} x2={lane.x} y1={0} y2={layout.height} />
        ))}
        {layout.anomalies.map(({ step: at, kinds }) => (
          <g
            key={at}
            className={at <= step ? 'sequence-anomaly' : 'sequence-anomaly is-future'}
            transform={`translate(16 ${layout.yOf(at)})`}
          >
            <title>{`${kinds.map((k) => anomalyTitles[k]).join(' and ')} at step ${at}`}</title>
            <path
              d={SHAPE[kinds[0] ?? 'divergence']}
              className={`sequence-anomaly-${(kinds[0] ?? '').replace(' ', '-')}`}
            />
          </g>
        ))}
        {layout.arrows.map((arrow) => {
          const x1 = laneX.get(arrow.from) ?? 0;
          const x2 = laneX.get(arrow.to) ?? 0;
          const y1 = layout.yOf(arrow.sentAt);
          const lostAt = layout.yOf(arrow.endedAt);
          // A lost message stops halfway, with a cross where it was lost.
          const x2Shown = arrow.lost ? (x1 + x2) / 2 : x2;
          const future = arrow.sentAt > step;
          const inFlight = !future && arrow.endedAt > step;
          const className = [
            'sequence-arrow',
            future ? 'is-future' : '',
            inFlight ? 'is-in-flight' : '',
            arrow.lost ? 'is-lost' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <g key={arrow.id} className={className}>
              <title>{`${arrow.label} (${arrow.from} → ${arrow.to})${arrow.lost ? ', lost' : ''}`}</title>
              <line
                x1={x1}
                y1={y1}
                x2={x2Shown}
                y2={lostAt}
                markerEnd={`url(#${arrow.lost ? lostArrowId : arrowId})`}
              />
              <text
                x={(x1 + x2Shown) / 2}
                y={(y1 + lostAt) / 2 - 3}
                textAnchor="middle"
                className="sequence-arrow-label"
              >
                {shorten(arrow.label, Math.max(8, Math.floor(Math.abs(x2Shown - x1) / 6.5)))}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function describe(step: number, seen: number, total: number, anomalySteps: number): string {
  const anomalies =
    anomalySteps === 0
      ? 'no anomalies so far'
      : `anomalies at ${anomalySteps} ${anomalySteps === 1 ? 'step' : 'steps'} so far`;
  return `Sequence diagram at step ${step}: ${seen} of ${total} messages sent, ${anomalies}.`;
}

function shorten(text: string, max = Math.floor(LANE_WIDTH / 7.5)): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
