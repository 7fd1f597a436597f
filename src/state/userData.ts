import { PLAYER_SETTINGS_KEY, DEFAULT_PLAYER_SETTINGS, usePlayerSettings } from './playerSettings.ts';
import type { SavedPlayerSettings } from './playerSettings.ts';
import { PROGRESS_KEY, combineProgress, useProgress } from './progress.ts';
import type { SavedProgress } from './progress.ts';
import { DEFAULT_QUESTION_SETTINGS, QUESTION_SETTINGS_KEY, useQuestionSettings } from './questionSettings.ts';
import type { SavedQuestionSettings } from './questionSettings.ts';
import { DEFAULT_READ_ALOUD, READ_ALOUD_KEY, useReadAloudSettings } from './readAloud.ts';
import type { SavedReadAloudSettings } from './readAloud.ts';
import { REVIEW_KEY, combineReview, useReview } from './review.ts';
import type { SavedReview } from './review.ts';

/** Everything the learner has in this browser, across the stores: what export writes and import reads. */
export interface UserData {
  progress: SavedProgress;
  review: SavedReview;
  settings: {
    questions: SavedQuestionSettings;
    readAloud: SavedReadAloudSettings;
    player: SavedPlayerSettings;
  };
}

/** Every persisted store's key, for listing their backups. */
export const STORE_KEYS = [
  PROGRESS_KEY,
  REVIEW_KEY,
  QUESTION_SETTINGS_KEY,
  READ_ALOUD_KEY,
  PLAYER_SETTINGS_KEY,
] as const;

export function currentUserData(): UserData {
  const { enabled } = useQuestionSettings.getState();
  const { rate, voiceURI } = useReadAloudSettings.getState();
  const { speedLog2, diagramView } = usePlayerSettings.getState();
  return {
    progress: { lessons: useProgress.getState().lessons },
    review: { cards: useReview.getState().cards },
    settings: {
      questions: { enabled },
      readAloud: { rate, voiceURI },
      player: { speedLog2, diagramView },
    },
  };
}

/**
 * Merge keeps, per lesson and per card, the newer of the two (by when the lesson last changed, by
 * when the card was last rated); this browser's settings stay. Replace takes the file's whole.
 */
export function mergedUserData(here: UserData, file: UserData): UserData {
  return {
    progress: combineProgress(here.progress, file.progress),
    review: combineReview(here.review, file.review),
    settings: here.settings,
  };
}

function setAll(data: UserData) {
  useProgress.setState({ lessons: data.progress.lessons });
  useReview.setState({ cards: data.review.cards });
  useQuestionSettings.setState(data.settings.questions);
  useReadAloudSettings.setState(data.settings.readAloud);
  usePlayerSettings.setState(data.settings.player);
}

export type ImportMode = 'merge' | 'replace';

export function importUserData(file: UserData, mode: ImportMode): void {
  setAll(mode === 'merge' ? mergedUserData(currentUserData(), file) : file);
}

export const EMPTY_USER_DATA: UserData = {
  progress: { lessons: {} },
  review: { cards: {} },
  settings: {
    questions: DEFAULT_QUESTION_SETTINGS,
    readAloud: DEFAULT_READ_ALOUD,
    player: DEFAULT_PLAYER_SETTINGS,
  },
};

/** Clears progress, scores, cards and settings. Backups of unreadable data stay. */
export function resetUserData(): void {
  setAll(EMPTY_USER_DATA);
}

/** A few counts, for the page to say what there is. */
export function userDataSummary(data: UserData): { lessons: number; done: number; cards: number } {
  const lessons = Object.values(data.progress.lessons);
  return {
    lessons: lessons.length,
    done: lessons.filter((lesson) => lesson.status === 'done').length,
    cards: Object.keys(data.review.cards).length,
  };
}
