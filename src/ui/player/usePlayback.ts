import { useEffect, useRef, useState } from 'react';
import { stepIntervalMs } from './speed.ts';

export interface Playback {
  playing: boolean;
  togglePlay: () => void;
  pause: () => void;
  /** Plays on from the step shown: the next step comes after one tick. */
  play: () => void;
}

/**
 * Play advances one step per tick (a tick is shorter at higher speeds) and stops at the last step.
 * `run` identifies the run being played: a different run stops playback. `goTo` may refuse to move
 * (it returns false: the player stopped before a question), and playback then stops too.
 */
export function usePlayback(
  run: unknown,
  step: number,
  lastStep: number,
  speedLog2: number,
  goTo: (step: number) => boolean | void,
): Playback {
  const [playing, setPlaying] = useState(false);
  const [playingRun, setPlayingRun] = useState(run);
  if (run !== playingRun) {
    setPlayingRun(run);
    setPlaying(false);
  }
  // The timer must call the latest goTo, which closes over the latest URL state.
  const goToRef = useRef(goTo);
  useEffect(() => {
    goToRef.current = goTo;
  });

  // Playing past the last step is not playing: the button offers Play again as soon as it ends.
  const advancing = playing && step < lastStep;

  useEffect(() => {
    if (!advancing) return;
    const timer = window.setTimeout(() => {
      const moved = goToRef.current(step + 1);
      if (moved === false || step + 1 >= lastStep) setPlaying(false);
    }, stepIntervalMs(speedLog2));
    return () => window.clearTimeout(timer);
  }, [advancing, step, lastStep, speedLog2]);

  const togglePlay = () => {
    if (advancing) {
      setPlaying(false);
      return;
    }
    // Act at once so Play feels immediate; at the end, Play means "play it again".
    const next = step >= lastStep ? 0 : step + 1;
    const moved = goTo(next);
    setPlaying(moved !== false && next < lastStep);
  };

  return { playing: advancing, togglePlay, pause: () => setPlaying(false), play: () => setPlaying(true) };
}
