import { beforeEach, describe, expect, it } from 'vitest';
import {
  PLAYER_SETTINGS_KEY,
  PLAYER_SETTINGS_VERSION,
  usePlayerSettings,
} from '../../src/state/playerSettings.ts';
import { PROGRESS_KEY, PROGRESS_VERSION, useProgress } from '../../src/state/progress.ts';
import {
  QUESTION_SETTINGS_KEY,
  QUESTION_SETTINGS_VERSION,
  useQuestionSettings,
} from '../../src/state/questionSettings.ts';
import { READ_ALOUD_KEY, READ_ALOUD_VERSION, useReadAloudSettings } from '../../src/state/readAloud.ts';
import { REVIEW_KEY, REVIEW_VERSION, useReview } from '../../src/state/review.ts';
import { migrate, openSaved } from '../../src/state/savedState.ts';
import type { SavedShape } from '../../src/state/savedState.ts';
import { useStorageProblems } from '../../src/state/storageProblems.ts';
import { resetUserData } from '../../src/state/userData.ts';

/**
 * What each store saved in every version that ever shipped, as literal text, read back by today's
 * code: nothing may be lost, nothing may be reported as a problem. Version 1 is the only version so
 * far; the player settings gained `diagramView` after their version 1 shipped, so both shapes of
 * that version are here. A new version adds its fixtures below, and keeps the old ones.
 */
const FIXTURES = [
  {
    store: 'progress, version 1',
    key: PROGRESS_KEY,
    saved: `{"state":{"lessons":{"cache-aside":{"status":"in-progress","statusByHand":false,"visualFinished":["cache-aside-read"],"tasksDone":["run-redis"],"answers":{"cache-aside-read@3":true,"cache-aside-read@7":false},"place":"explain-it","updatedAt":1740819600000},"ttl":{"status":"skipped","statusByHand":true,"visualFinished":[],"tasksDone":[],"answers":{},"place":null,"updatedAt":1740823200000},"why-cache":{"status":"done","statusByHand":false,"visualFinished":["why-cache-slow-db","why-cache-with-cache"],"tasksDone":["time-a-query","measure-hit-rate"],"answers":{"why-cache-slow-db@4":true},"place":"do-this-today","updatedAt":1740733200000}}},"version":1}`,
    read: () => ({ lessons: useProgress.getState().lessons }),
  },
  {
    store: 'review, version 1',
    key: REVIEW_KEY,
    saved: `{"state":{"cards":{"cache-aside/miss-path":{"due":"2025-03-04T09:00:00.000Z","stability":3.1262,"difficulty":5.3144,"elapsed_days":0,"scheduled_days":3,"learning_steps":0,"reps":1,"lapses":0,"state":2,"last_review":"2025-03-01T09:00:00.000Z"},"ttl/jitter":{"due":"2025-03-01T09:10:00.000Z","stability":0.4072,"difficulty":7.2102,"elapsed_days":0,"scheduled_days":0,"learning_steps":1,"reps":2,"lapses":1,"state":3,"last_review":"2025-03-01T09:00:00.000Z"}}},"version":1}`,
    read: () => ({ cards: useReview.getState().cards }),
  },
  {
    store: 'question settings, version 1',
    key: QUESTION_SETTINGS_KEY,
    saved: `{"state":{"enabled":false},"version":1}`,
    read: () => ({ enabled: useQuestionSettings.getState().enabled }),
  },
  {
    store: 'read-aloud settings, version 1',
    key: READ_ALOUD_KEY,
    saved: `{"state":{"rate":1.25,"voiceURI":"Google UK English Female"},"version":1}`,
    read: () => {
      const { rate, voiceURI } = useReadAloudSettings.getState();
      return { rate, voiceURI };
    },
  },
  {
    store: 'player settings, version 1 as first shipped (speed only)',
    key: PLAYER_SETTINGS_KEY,
    saved: `{"state":{"speedLog2":-1},"version":1}`,
    read: () => ({ speedLog2: usePlayerSettings.getState().speedLog2 }),
    // Added later, with its default.
    alsoRead: { diagramView: 'topology' },
  },
  {
    store: 'player settings, version 1 with the diagram view',
    key: PLAYER_SETTINGS_KEY,
    saved: `{"state":{"speedLog2":1.5,"diagramView":"sequence"},"version":1}`,
    read: () => {
      const { speedLog2, diagramView } = usePlayerSettings.getState();
      return { speedLog2, diagramView };
    },
  },
] as const;

interface PersistedStore {
  setState: (partial: object) => void;
  persist: { rehydrate: () => Promise<void> };
}

const STORES: Record<string, PersistedStore> = {
  [PROGRESS_KEY]: useProgress,
  [REVIEW_KEY]: useReview,
  [QUESTION_SETTINGS_KEY]: useQuestionSettings,
  [READ_ALOUD_KEY]: useReadAloudSettings,
  [PLAYER_SETTINGS_KEY]: usePlayerSettings,
};

beforeEach(() => {
  resetUserData();
  localStorage.clear();
  useStorageProblems.setState({ problems: [] });
});

describe('every version each store ever saved', () => {
  it.each(FIXTURES)('$store reads back whole, with no notice and no backup', async (fixture) => {
    localStorage.setItem(fixture.key, fixture.saved);
    await STORES[fixture.key]!.persist.rehydrate();

    const saved = JSON.parse(fixture.saved) as { state: Record<string, unknown> };
    expect(fixture.read()).toEqual(saved.state);
    if ('alsoRead' in fixture) expect(usePlayerSettings.getState()).toMatchObject(fixture.alsoRead);
    expect(useStorageProblems.getState().problems).toEqual([]);
    expect(Object.keys(localStorage)).toEqual([fixture.key]);
  });

  it.each(FIXTURES)('$store is saved again without losing anything', async (fixture) => {
    localStorage.setItem(fixture.key, fixture.saved);
    const store = STORES[fixture.key]!;
    await store.persist.rehydrate();
    // Any change writes the whole store again.
    store.setState({});
    const rewritten = JSON.parse(localStorage.getItem(fixture.key) ?? 'null') as {
      state: Record<string, unknown>;
      version: number;
    };
    const saved = JSON.parse(fixture.saved) as { state: Record<string, unknown> };
    expect(rewritten.state).toMatchObject(saved.state);
    expect(rewritten.version).toBe(
      {
        [PROGRESS_KEY]: PROGRESS_VERSION,
        [REVIEW_KEY]: REVIEW_VERSION,
        [QUESTION_SETTINGS_KEY]: QUESTION_SETTINGS_VERSION,
        [READ_ALOUD_KEY]: READ_ALOUD_VERSION,
        [PLAYER_SETTINGS_KEY]: PLAYER_SETTINGS_VERSION,
      }[fixture.key],
    );
  });

  it('covers every store', () => {
    expect(new Set(FIXTURES.map((fixture) => fixture.key))).toEqual(new Set(Object.keys(STORES)));
  });
});

describe('migration steps', () => {
  // A made-up store at version 3: version 1 saved `count`, version 2 renamed it `total`, version 3
  // made it a list of totals. Shows how a store's next version slots in.
  const shape: SavedShape<{ totals: number[] }> = {
    key: 'test.store',
    label: 'test data',
    version: 3,
    steps: {
      1: (v1) => ({ total: (v1 as { count: number }).count }),
      2: (v2) => ({ totals: [(v2 as { total: number }).total] }),
    },
    read: (state) => {
      const totals = (state as { totals?: unknown }).totals;
      return Array.isArray(totals) && totals.every((t) => typeof t === 'number')
        ? { value: { totals: totals as number[] }, unread: [] }
        : { value: { totals: [] }, unread: ['totals'] };
    },
  };

  it('runs one step per version, from the saved version up to the current one', () => {
    expect(openSaved('{"state":{"count":4},"version":1}', shape)).toEqual({
      value: { totals: [4] },
      problem: null,
    });
    expect(openSaved('{"state":{"total":5},"version":2}', shape)).toEqual({
      value: { totals: [5] },
      problem: null,
    });
    expect(openSaved('{"state":{"totals":[6]},"version":3}', shape)).toEqual({
      value: { totals: [6] },
      problem: null,
    });
  });

  it('reads a version older than the first (zustand’s default 0) as the first', () => {
    expect(migrate({ count: 2 }, 0, 3, shape.steps)).toEqual({ totals: [2] });
  });

  it('reports a missing step instead of guessing', () => {
    expect(() => migrate({}, 1, 3, { 1: (v) => v })).toThrow('no migration from version 2 to 3');
    expect(openSaved('{"state":{},"version":1}', { ...shape, steps: {} }).problem).toMatchObject({
      reason: 'wrong-shape',
      version: 1,
    });
  });
});
