import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { readFields } from './savedState.ts';
import type { MigrationSteps, Reading, SavedShape } from './savedState.ts';
import { keepInStepWithOtherTabs, persistedAs } from './storage.ts';

/**
 * Whether the lesson's Visual stops to ask its predict-then-reveal questions, kept across visits.
 * Only the preference lives here: the answers and the score are progress (progress.ts).
 */
export interface QuestionSettings {
  /** On: playing or stepping onto a question's step stops one step before it and asks. */
  enabled: boolean;
  setEnabled: (enabled: boolean) => void;
}

export interface SavedQuestionSettings {
  enabled: boolean;
}

export const QUESTION_SETTINGS_KEY = 'cachescope.question-settings';
export const QUESTION_SETTINGS_VERSION = 1;
export const DEFAULT_QUESTION_SETTINGS: SavedQuestionSettings = { enabled: true };

/** Anything unreadable (hand-edited, from a future version, corrupt) falls back to asking. */
export function readQuestionSettings(persisted: unknown): Reading<SavedQuestionSettings> {
  return readFields(persisted, DEFAULT_QUESTION_SETTINGS, {
    enabled: (value) => (typeof value === 'boolean' ? value : undefined),
  });
}

export function readStoredQuestionSettings(persisted: unknown): SavedQuestionSettings {
  return readQuestionSettings(persisted).value;
}

/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const QUESTION_SETTINGS_MIGRATIONS: MigrationSteps = {};

export const QUESTION_SETTINGS_SHAPE: SavedShape<SavedQuestionSettings> = {
  key: QUESTION_SETTINGS_KEY,
  label: 'question settings',
  version: QUESTION_SETTINGS_VERSION,
  steps: QUESTION_SETTINGS_MIGRATIONS,
  read: readQuestionSettings,
};

export const useQuestionSettings = create<QuestionSettings>()(
  persist(
    (set) => ({
      ...DEFAULT_QUESTION_SETTINGS,
      setEnabled: (enabled) => set({ enabled }),
    }),
    persistedAs(QUESTION_SETTINGS_SHAPE, (state): SavedQuestionSettings => ({ enabled: state.enabled })),
  ),
);

keepInStepWithOtherTabs(useQuestionSettings);
