import type { ActorKind } from '../../engine/index.ts';

/**
 * A small line drawing for each kind of actor, on a 16×16 grid, drawn in the corner of its box
 * next to the kind's colour stripe. Decorative: the box's label names the actor.
 */
const ICON_PATHS: Record<ActorKind, string> = {
  // A person.
  client: 'M8 7.5a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5zM2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5',
  // One line fanning out to three.
  loadBalancer: 'M8 1.5v5M8 6.5 2.5 13M8 6.5v7M8 6.5l5.5 6.5M1.5 13.5h2M7 14.5h2M12.5 13.5h2',
  // A server with two units.
  appNode: 'M2.5 2.5h11v5h-11zM2.5 8.5h11v5h-11zM5 5h1M5 11h1',
  // A lightning bolt: fast memory.
  cache: 'M9 1.5 3.5 9H8l-1 5.5L12.5 7H8z',
  // A cylinder.
  database:
    'M2.5 4c0-1.4 2.5-2.5 5.5-2.5s5.5 1.1 5.5 2.5-2.5 2.5-5.5 2.5S2.5 5.4 2.5 4zM2.5 4v8c0 1.4 2.5 2.5 5.5 2.5s5.5-1.1 5.5-2.5V4M2.5 8c0 1.4 2.5 2.5 5.5 2.5s5.5-1.1 5.5-2.5',
  // Passing events on.
  relay: 'M1.5 5h11M10 2.5 12.5 5 10 7.5M14.5 11h-11M6 8.5 3.5 11 6 13.5',
  // A queue of messages.
  broker: 'M2 2.5h12v3H2zM2 6.5h12v3H2zM2 10.5h12v3H2z',
  // An envelope: a letter nobody could take.
  deadLetterQueue: 'M1.5 3.5h13v9h-13zM1.5 3.5 8 8.5l6.5-5',
  // An inbox tray.
  consumer: 'M1.5 9.5h4l1 2h3l1-2h4M3.5 3h9l2 6.5v4h-13v-4z',
  // A prompt.
  console: 'M2 2.5h12v11H2zM4.5 6l2 2-2 2M8 10.5h3.5',
};

export const ACTOR_ICON_SIZE = 16;

/** The icon at (x, y), struck through while the actor is down. */
export function ActorIcon({ kind, x, y, down }: { kind: ActorKind; x: number; y: number; down: boolean }) {
  return (
    <g className="node-icon" transform={`translate(${x} ${y})`} aria-hidden="true">
      <path d={ICON_PATHS[kind]} />
      {down ? <path className="node-icon-strike" d="M0.5 15.5 15.5 0.5" /> : null}
    </g>
  );
}
