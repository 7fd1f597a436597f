import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { z } from 'zod';

/**
 * Read-aloud preferences, kept across visits: the speaking rate and the chosen voice. What is being
 * read, and where, belongs to the page.
 */
export interface ReadAloudSettings {
  /** Speaking rate, 0.5× to 2×, in quarter steps. */
  rate: number;
  setRate: (rate: number) => void;
  /** The chosen voice's `voiceURI`, or null for the browser's default voice for the page's language. */
  voiceURI: string | null;
  setVoiceURI: (voiceURI: string | null) => void;
}

export const READ_ALOUD_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
export const DEFAULT_RATE = 1;

/** The nearest offered rate; anything that is not a number becomes 1×. */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return DEFAULT_RATE;
  return READ_ALOUD_RATES.reduce((best, r) => (Math.abs(r - rate) < Math.abs(best - rate) ? r : best));
}

export const READ_ALOUD_KEY = 'cachescope.read-aloud';
const VERSION = 1;

const storedRate = z.object({ rate: z.number() });
const storedVoice = z.object({ voiceURI: z.string().min(1).nullable() });

/** Each setting read on its own: anything unreadable (hand-edited, corrupt, from a future version) is the default. */
function readStored(persisted: unknown): { rate: number; voiceURI: string | null } {
  const rate = storedRate.safeParse(persisted);
  const voice = storedVoice.safeParse(persisted);
  return {
    rate: rate.success ? clampRate(rate.data.rate) : DEFAULT_RATE,
    voiceURI: voice.success ? voice.data.voiceURI : null,
  };
}

export const useReadAloudSettings = create<ReadAloudSettings>()(
  persist(
    (set) => ({
      rate: DEFAULT_RATE,
      setRate: (rate) => set({ rate: clampRate(rate) }),
      voiceURI: null,
      setVoiceURI: (voiceURI) => set({ voiceURI }),
    }),
    {
      name: READ_ALOUD_KEY,
      version: VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ rate: state.rate, voiceURI: state.voiceURI }),
      // Version 1 is the first; older or unknown shapes are read as far as they validate.
      migrate: (persisted) => readStored(persisted),
      merge: (persisted, current) => ({ ...current, ...readStored(persisted) }),
    },
  ),
);
