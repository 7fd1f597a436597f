import { useEffect, useRef, useState } from 'react';
import { stepIntervalMs } from './speed.ts';

export interface Playback {
  playing: boolean;
  togglePlay: () => void;
  pause: () => void;
}

/**
 * Play advances one step per tick (a tick is shorter at higher speeds) and stops at the last step.
 * `run` identifies the run being played: a different run stops playback.
 */
export function usePlayback(
  run: unknown,
  step: number,
  lastStep: number,
  speedLog2: number,
  goTo: (step: number) => void,
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
      goToRef.current(step + 1);
      if (step + 1 >= lastStep) setPlaying(false);
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
    goTo(next);
    setPlaying(next < lastStep);
  };

  return { playing: advancing, togglePlay, pause: () => setPlaying(false) };
}
