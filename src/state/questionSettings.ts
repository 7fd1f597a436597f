import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { z } from 'zod';

/**
 * Whether the lesson's Visual stops to ask its predict-then-reveal questions, kept across visits.
 * Only the preference lives here: the answers and the score are progress (progress.ts).
 */
export interface QuestionSettings {
  /** On: playing or stepping onto a question's step stops one step before it and asks. */
  enabled: boolean;
  setEnabled: (enabled: boolean) => void;
}

export const QUESTION_SETTINGS_KEY = 'cachescope.question-settings';
const VERSION = 1;

const storedSettings = z.object({ enabled: z.boolean() });

/** Anything unreadable (hand-edited, from a future version, corrupt) falls back to asking. */
export function readStoredQuestionSettings(persisted: unknown): { enabled: boolean } {
  const parsed = storedSettings.safeParse(persisted);
  return { enabled: parsed.success ? parsed.data.enabled : true };
}

export const useQuestionSettings = create<QuestionSettings>()(
  persist(
    (set) => ({
      enabled: true,
      setEnabled: (enabled) => set({ enabled }),
    }),
    {
      name: QUESTION_SETTINGS_KEY,
      version: VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ enabled: state.enabled }),
      // Version 1 is the first; older or unknown shapes are read as far as they validate.
      migrate: (persisted) => readStoredQuestionSettings(persisted),
      merge: (persisted, current) => ({ ...current, ...readStoredQuestionSettings(persisted) }),
    },
  ),
);
