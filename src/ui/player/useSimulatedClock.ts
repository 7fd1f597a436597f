import { useLayoutEffect, useRef, useState } from 'react';
import { animate, useMotionValue } from 'motion/react';
import type { MotionValue } from 'motion/react';
import type { Frame } from '../../engine/index.ts';
import { tweenDurationMs } from './speed.ts';

export interface SimulatedClock {
  /** Simulated time being drawn, in virtual ms. Packets and TTLs follow it without re-rendering. */
  now: MotionValue<number>;
  /**
   * The frame whose messages in flight are drawn. While a forward step's tween runs it is the frame
   * before, so the delivered message can travel the rest of its way and arrive at its target.
   */
  packetFrameIndex: number;
}

/**
 * Moves simulated time to the shown frame. One step forward tweens time from the previous frame to
 * this one (a short, capped duration scaled by speed); anything else — back, scrub, jump, another
 * run, or a person who prefers reduced motion — moves it at once.
 */
export function useSimulatedClock(
  frames: readonly Frame[],
  step: number,
  speedLog2: number,
  reducedMotion: boolean,
): SimulatedClock {
  const timeOf = (index: number) => frames[index]?.time ?? 0;
  const now = useMotionValue(timeOf(step));
  const [tweenFrom, setTweenFrom] = useState<number | null>(null);
  const [shown, setShown] = useState({ frames, step });
  // Speed can change mid-tween; the tween in progress keeps its duration.
  const speedRef = useRef(speedLog2);
  // Declared before the tween's effect, so the tween reads this render's speed.
  useLayoutEffect(() => {
    speedRef.current = speedLog2;
  }, [speedLog2]);

  // Decide during render (not in an effect) so the first paint of a new step already draws the
  // previous frame's packets, with no flash of the new ones at their end positions.
  if (shown.frames !== frames || shown.step !== step) {
    const forwardOne = shown.frames === frames && step === shown.step + 1;
    const moves = forwardOne && !reducedMotion && timeOf(step) > timeOf(step - 1);
    setShown({ frames, step });
    setTweenFrom(moves ? step - 1 : null);
  }

  useLayoutEffect(() => {
    const target = frames[step]?.time ?? 0;
    if (tweenFrom === null) {
      now.jump(target);
      return;
    }
    const start = frames[tweenFrom]?.time ?? target;
    now.jump(start);
    let current = true;
    const tween = animate(now, target, {
      duration: tweenDurationMs(target - start, speedRef.current) / 1000,
      ease: 'linear',
      onComplete: () => {
        if (current) setTweenFrom(null);
      },
    });
    return () => {
      current = false;
      tween.stop();
    };
  }, [frames, step, tweenFrom, now]);

  return { now, packetFrameIndex: tweenFrom ?? step };
}
