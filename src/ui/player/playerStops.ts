import type { ReactNode } from 'react';

/** What a panel shown in the player (a question) may do with it. */
export interface PlayerHands {
  /** Shows this step; stops (below) do not apply. */
  goTo: (step: number) => void;
  /** Plays on from the step shown. */
  play: () => void;
  /** Gives focus back to the player (its Play button). */
  focus: () => void;
}

/**
 * Steps the player stops before: the lesson's predict-then-reveal questions. Playing or stepping
 * forward onto such a step stays one step before it and calls `onStop` instead (with whether the
 * learner was playing); scrubbing, jumping and links still go anywhere.
 */
export interface PlayerStops {
  stopsBefore: (step: number) => boolean;
  onStop: (step: number, playing: boolean) => void;
  /** Shown under the narration (the question, or what its answer revealed); null for nothing. */
  panel: (hands: PlayerHands) => ReactNode;
}
