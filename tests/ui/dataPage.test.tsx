import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_KEY, emptyLessonProgress, useProgress } from '../../src/state/progress.ts';
import type { LessonProgress } from '../../src/state/progress.ts';
import { progressFile } from '../../src/state/progressFile.ts';
import { useQuestionSettings } from '../../src/state/questionSettings.ts';
import { useReview } from '../../src/state/review.ts';
import type { StoredCard } from '../../src/state/review.ts';
import { useStorageProblems } from '../../src/state/storageProblems.ts';
import { EMPTY_USER_DATA, currentUserData, resetUserData } from '../../src/state/userData.ts';
import type { UserData } from '../../src/state/userData.ts';
import { renderApp } from './renderApp.tsx';

const NOW = new Date('2025-03-01T09:00:00.000Z');

function lesson(updatedAt: number, more: Partial<LessonProgress> = {}): LessonProgress {
  return { ...emptyLessonProgress(updatedAt), status: 'in-progress', ...more };
}

function card(lastReview: string): StoredCard {
  return {
    due: '2025-03-04T09:00:00.000Z',
    stability: 3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: lastReview,
  };
}

function fileOf(data: UserData, name = 'progress.json') {
  return new File([JSON.stringify(progressFile(data, NOW))], name, { type: 'application/json' });
}

async function openDataPage() {
  const app = renderApp('/data');
  await screen.findByRole('heading', { level: 1, name: 'Your data' });
  return app;
}

const region = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  resetUserData();
  localStorage.clear();
  useStorageProblems.setState({ problems: [] });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('export', () => {
  it('downloads one versioned document with every store’s data', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: lesson(NOW.getTime()) } });
    useReview.setState({ cards: { 'alpha/one': card(NOW.toISOString()) } });
    useQuestionSettings.setState({ enabled: false });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    await openDataPage();
    expect(
      within(region('Export')).getByText(/1 lesson started \(0 done\), 1 review card rated/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Export progress' }));

    expect(click).toHaveBeenCalledOnce();
    const document = JSON.parse(await blobs[0]!.text()) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: 'cachescope-progress',
      version: 1,
      progress: { lessons: { alpha: lesson(NOW.getTime()) } },
      review: { cards: { 'alpha/one': card(NOW.toISOString()) } },
      settings: { questions: { enabled: false }, readAloud: { rate: 1 }, player: { speedLog2: 0 } },
    });
    expect(Date.parse(document.exportedAt as string)).not.toBeNaN();
    expect(within(region('Export')).getByRole('status')).toHaveTextContent(
      /^Downloaded cachescope-progress-\d{4}-\d\d-\d\d\.json\.$/,
    );
  });
});

describe('import', () => {
  it('names each problem of an invalid file, as text, and changes nothing', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: lesson(NOW.getTime()) } });
    const before = currentUserData();
    const bad = {
      ...progressFile(EMPTY_USER_DATA, NOW),
      progress: { lessons: { '<img src=x onerror=alert(1)>': { status: 'finished' } } },
      review: { cards: { 'alpha/x': { ...card(NOW.toISOString()), due: 'tomorrow' } } },
    };
    await openDataPage();
    await user.upload(
      screen.getByLabelText('Progress file'),
      new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('bad.json was not imported. Nothing was changed.');
    const problems = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(problems).toContain(
      'progress.lessons[\'<img src=x onerror=alert(1)>\'].status: expected "not-started" or "in-progress" or "done" or "skipped", got "finished"',
    );
    expect(problems).toContain(
      "progress.lessons['<img src=x onerror=alert(1)>'].statusByHand: missing (expected true or false)",
    );
    expect(problems).toContain("review.cards['alpha/x'].due: expected a date");
    // Shown as text: no element was made from the file.
    expect(alert.querySelector('img')).toBeNull();
    expect(currentUserData()).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('says what is wrong with a file that is not JSON, or not a progress file', async () => {
    const user = userEvent.setup();
    await openDataPage();
    await user.upload(screen.getByLabelText('Progress file'), new File(['{not json'], 'notes.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /notes\.json was not imported.*the file is not valid JSON/,
    );
    await user.upload(screen.getByLabelText('Progress file'), new File(['{"format":"x"}'], 'other.json'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'format: expected "cachescope-progress": this is not a CacheScope progress file',
      ),
    );
  });

  it('merges by default: the newer of each lesson and card, and this browser’s settings', async () => {
    const user = userEvent.setup();
    useProgress.setState({
      lessons: { alpha: lesson(2000, { place: 'here' }), beta: lesson(2000, { place: 'here' }) },
    });
    useReview.setState({ cards: { 'alpha/one': card('2025-03-01T09:00:00.000Z') } });
    const file: UserData = {
      progress: {
        lessons: { alpha: lesson(3000, { place: 'file' }), beta: lesson(1000, { place: 'file' }) },
      },
      review: {
        cards: {
          'alpha/one': card('2025-02-01T09:00:00.000Z'),
          'alpha/two': card('2025-02-01T09:00:00.000Z'),
        },
      },
      settings: { ...EMPTY_USER_DATA.settings, questions: { enabled: false } },
    };
    await openDataPage();
    await user.upload(screen.getByLabelText('Progress file'), fileOf(file));
    const choice = await screen.findByRole('group', { name: /How should progress\.json be used\?/ });
    expect(within(choice).getByRole('radio', { name: /^Merge/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const { lessons } = useProgress.getState();
    expect([lessons.alpha?.place, lessons.beta?.place]).toEqual(['file', 'here']);
    expect(useReview.getState().cards['alpha/one']?.last_review).toBe('2025-03-01T09:00:00.000Z');
    expect(Object.keys(useReview.getState().cards).sort()).toEqual(['alpha/one', 'alpha/two']);
    expect(useQuestionSettings.getState().enabled).toBe(true);
    expect(within(region('Import')).getByRole('status')).toHaveTextContent(
      'Imported progress.json (merged).',
    );
  });

  it('replaces everything when asked to', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: lesson(5000) } });
    const file: UserData = {
      ...EMPTY_USER_DATA,
      progress: { lessons: { beta: lesson(1000) } },
      settings: { ...EMPTY_USER_DATA.settings, questions: { enabled: false } },
    };
    await openDataPage();
    await user.upload(screen.getByLabelText('Progress file'), fileOf(file));
    await user.click(await screen.findByRole('radio', { name: /^Replace/ }));
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(Object.keys(useProgress.getState().lessons)).toEqual(['beta']);
    expect(useQuestionSettings.getState().enabled).toBe(false);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null').state.lessons).toHaveProperty('beta');
  });
});

describe('reset', () => {
  it('asks first, in a dialog that keeps focus, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    useProgress.setState({ lessons: { alpha: lesson(NOW.getTime()) } });
    await openDataPage();
    const open = screen.getByRole('button', { name: 'Reset all data…' });
    await user.click(open);

    const dialog = screen.getByRole('alertdialog', { name: 'Reset all data?' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Reset all data' })).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Reset all data' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(useProgress.getState().lessons).toHaveProperty('alpha');

    await user.click(open);
    await user.click(screen.getByRole('button', { name: 'Reset all data' }));
    expect(useProgress.getState().lessons).toEqual({});
    expect(within(region('Start over')).getByRole('status')).toHaveTextContent('All data was reset.');
  });
});

describe('the storage notice', () => {
  it('shows on every page when saved data is corrupt, with the backup key and a download link', async () => {
    const user = userEvent.setup();
    localStorage.setItem(PROGRESS_KEY, '{"state":{"lessons":');
    await useProgress.persist.rehydrate();
    renderApp('/glossary');
    await screen.findByRole('heading', { level: 1, name: 'Glossary' });

    const notice = screen.getByRole('status', { name: 'Your saved lesson progress could not be read.' });
    expect(notice.closest('[aria-live="polite"]')).not.toBeNull();
    expect(notice).toHaveTextContent('Nothing was deleted');
    const backupKey = Object.keys(localStorage).find((key) => key.startsWith(`${PROGRESS_KEY}.backup-`));
    expect(backupKey).toBeDefined();
    expect(localStorage.getItem(backupKey!)).toBe('{"state":{"lessons":');
    expect(notice).toHaveTextContent(backupKey!);
    const download = within(notice).getByRole('link', { name: 'Download the saved text' });
    expect(download).toHaveAttribute(
      'download',
      expect.stringMatching(/^cachescope\.progress\.backup-.*\.txt$/),
    );
    expect(decodeURIComponent(download.getAttribute('href') ?? '')).toBe(
      'data:text/plain;charset=utf-8,{"state":{"lessons":',
    );

    // The Your data page lists the backup too; the notice goes when dismissed.
    await user.click(within(notice).getByRole('link', { name: 'Your data' }));
    await screen.findByRole('heading', { level: 1, name: 'Your data' });
    expect(within(region('Backups of unreadable data')).getByText(backupKey!)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: /could not be read/ })).toBeNull();
  });

  it('says clearly when the storage is full and the last change is not saved', async () => {
    await openDataPage();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    act(() => useProgress.getState().openLesson('alpha'));
    expect(
      await screen.findByText('Your browser’s storage is full: your last change is not saved.'),
    ).toBeVisible();
    expect(screen.getByText(/Export your progress to a file/)).toBeVisible();
  });
});

describe('two tabs', () => {
  it('shows another tab’s change, and keeps its newer lesson when this tab saves', async () => {
    await openDataPage();
    const theirs = lesson(Date.now() + 60_000, { status: 'done' });
    const text = JSON.stringify({ state: { lessons: { alpha: theirs } }, version: 1 });
    localStorage.setItem(PROGRESS_KEY, text);
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: PROGRESS_KEY, newValue: text, storageArea: localStorage }),
      );
    });
    await waitFor(() =>
      expect(within(region('Export')).getByText(/1 lesson started \(1 done\)/)).toBeVisible(),
    );

    // Another write from the other tab this one has not heard of yet, then a change here.
    const newer = lesson(Date.now() + 120_000, { status: 'skipped' });
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ state: { lessons: { alpha: newer } }, version: 1 }));
    act(() => useProgress.getState().setPlace('beta', 'visual'));
    const stored = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null').state.lessons;
    expect(stored.alpha).toEqual(newer);
    expect(stored.beta.place).toBe('visual');
  });
});
