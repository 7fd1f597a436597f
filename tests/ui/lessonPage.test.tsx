import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useProgress } from '../../src/state/progress.ts';
import { LESSON_SECTIONS } from '../../src/ui/lesson/sections/sectionList.ts';
import { SIDE_TOC_QUERY } from '../../src/ui/pages/LessonPage.tsx';
import { FIXTURE_ID, fixtureLesson, renderLesson } from './lessonPageFixture.tsx';
import { emulateMedia } from './media.ts';

const TITLES = [
  'Big idea',
  'Intuition',
  'Visual',
  'Depth',
  'Code lab',
  'Common pitfalls',
  'Real world',
  'Interview angle',
  'Explain it',
  'Do this today',
  'Takeaways & terms',
];

// The store outlives a test's page; each test starts with no progress.
beforeEach(() => useProgress.setState({ lessons: {} }));

async function openLesson(path?: string) {
  const view = renderLesson(fixtureLesson(), path);
  await screen.findByRole('region', { name: 'Step player' });
  return view;
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

/** Puts each section's top where the test says, as a browser's layout would. */
function layOut(tops: Record<string, number>) {
  for (const { id } of LESSON_SECTIONS) {
    const element = document.getElementById(id)!;
    const top = tops[id] ?? 5000;
    element.getBoundingClientRect = () => ({ top, bottom: top + 400 }) as DOMRect;
  }
}

describe('the lesson page', () => {
  it('shows the eleven sections in the curriculum’s order, each with its heading', async () => {
    await openLesson();
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/^\d+/, '')),
    ).toEqual(expect.arrayContaining(TITLES));
    const headings = TITLES.map((name) => screen.getByRole('heading', { level: 2, name }));
    for (let i = 1; i < headings.length; i++) {
      expect(
        headings[i - 1]!.compareDocumentPosition(headings[i]!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
    const lesson = fixtureLesson();
    expect(within(section('Intuition')).getByText(/pantry shelf/)).toBeInTheDocument();
    expect(within(section('Visual')).getAllByRole('tab')).toHaveLength(lesson.scenarioIds.length);
    // Depth: parts as sub-headings, lettered A, B… whether or not the writer wrote the letter.
    expect(
      within(section('Depth'))
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['A. The read path', 'B. The write path']);
    expect(
      within(section('Code lab')).getByRole('heading', { level: 3, name: 'cache-aside.ts' }),
    ).toBeVisible();
    // Explain it and Do this today come from the cards and progress work.
    expect(within(section('Explain it')).getByText(/Fixture card 1 prompt/)).toBeInTheDocument();
    expect(within(section('Do this today')).getByText(/Do the first fixture task today/)).toBeInTheDocument();
  });

  it('says the reading time in the header', async () => {
    await openLesson();
    expect(screen.getByText(/^\d+ min read$/)).toBeInTheDocument();
  });

  it('shows each pitfall as a symptom, its cause and the fix, labelled in words', async () => {
    await openLesson();
    const items = within(section('Common pitfalls')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const terms = within(items[0]!)
      .getAllByRole('term')
      .map((t) => t.textContent);
    const details = within(items[0]!)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(terms).toEqual(['Symptom', 'Cause', 'Fix']);
    expect(details).toEqual([
      'Readers see an old value for minutes.',
      'The write deleted the key before it committed.',
      'Commit first, then delete the key.',
    ]);
  });

  it('names and links each real-world source, opening another site in a new tab', async () => {
    await openLesson();
    const link = within(section('Real world')).getByRole('link', { name: /The Example docs/ });
    expect(link).toHaveAttribute('href', 'https://docs.example.com/caching');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAccessibleName(/docs\.example\.com.*another site, opens in a new tab/);
  });

  it('asks the interview question and keeps the model answer behind "Show the answer"', async () => {
    await openLesson();
    const interview = section('Interview angle');
    expect(within(interview).getByText(/How would you keep a/)).toHaveTextContent(
      'How would you keep a Frobnicator fresh?',
    );
    const answer = within(interview).getByText(/The model answer/);
    expect(answer).not.toBeVisible();
    await userEvent.click(within(interview).getByText('Show the answer'));
    expect(answer).toBeVisible();
    expect(within(interview).getByText('Hide the answer')).toBeInTheDocument();
  });

  it('lists the takeaways and the terms, each term linking to its Glossary entry', async () => {
    await openLesson();
    const terms = section('Takeaways & terms');
    expect(
      within(terms)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(fixtureLesson().takeaways);
    expect(within(terms).getByRole('link', { name: 'In the glossary: Slow store' })).toHaveAttribute(
      'href',
      '/glossary#term-slow-store',
    );
  });
});

describe('the table of contents', () => {
  it('is a collapsible "On this page" at the top on narrow screens', async () => {
    await openLesson();
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    const disclosure = toc.querySelector('details')!;
    expect(disclosure.open).toBe(false);
    layOut({ 'big-idea': -300, intuition: 40 });
    fireEvent.scroll(window);
    await waitFor(() =>
      expect(toc.querySelector('summary')).toHaveTextContent(/On this page.*now reading.*Intuition/),
    );
    await userEvent.click(within(toc).getByText('On this page'));
    expect(disclosure.open).toBe(true);
    expect(
      within(toc)
        .getAllByRole('link')
        .map((a) => a.textContent?.replace(/^\d+/, '')),
    ).toEqual(TITLES);
  });

  it('is a side column on wide screens that marks the section on screen', async () => {
    emulateMedia(SIDE_TOC_QUERY);
    await openLesson();
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    expect(toc.querySelector('details')).toBeNull();
    layOut({ 'big-idea': 0 });
    fireEvent.scroll(window);
    await waitFor(() =>
      expect(within(toc).getByRole('link', { name: /Big idea/ })).toHaveAttribute('aria-current', 'location'),
    );
    layOut({ 'big-idea': -900, intuition: -500, visual: 100, depth: 700 });
    fireEvent.scroll(window);
    await waitFor(() =>
      expect(within(toc).getByRole('link', { name: /Visual/ })).toHaveAttribute('aria-current', 'location'),
    );
    expect(within(toc).getByRole('link', { name: /Big idea/ })).not.toHaveAttribute('aria-current');
  });

  it('moves to a section and puts focus on its heading', async () => {
    emulateMedia(SIDE_TOC_QUERY);
    await openLesson();
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    const link = within(toc).getByRole('link', { name: /Real world/ });
    expect(link.getAttribute('href')).toMatch(/#real-world$/);
    const scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    await userEvent.click(link);
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(document.getElementById('real-world'));
    expect(screen.getByRole('heading', { level: 2, name: 'Real world' })).toHaveFocus();
  });
});

describe('the reading place', () => {
  it('records the section on screen once the reader scrolls', async () => {
    await openLesson();
    layOut({ 'big-idea': -2000, intuition: -1500, visual: -1000, depth: 50 });
    fireEvent.scroll(window);
    // The page scrolling by itself does not count: only after the reader does something.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(useProgress.getState().lessons[FIXTURE_ID]?.place ?? null).toBeNull();
    fireEvent.wheel(window);
    fireEvent.scroll(window);
    await waitFor(() => expect(useProgress.getState().lessons[FIXTURE_ID]?.place).toBe('depth'));
  });

  it('offers to continue where the reader left off, and goes there only when asked', async () => {
    act(() => useProgress.getState().setPlace(FIXTURE_ID, 'pitfalls'));
    await openLesson();
    const offer = screen.getByRole('link', { name: 'Continue where you left off: Common pitfalls' });
    expect(document.activeElement).not.toBe(
      screen.getByRole('heading', { level: 2, name: 'Common pitfalls' }),
    );
    await userEvent.click(offer);
    expect(screen.getByRole('heading', { level: 2, name: 'Common pitfalls' })).toHaveFocus();
    expect(screen.queryByRole('link', { name: /Continue where you left off/ })).not.toBeInTheDocument();
  });

  it('offers nothing when the reader was at the first section', async () => {
    act(() => useProgress.getState().setPlace(FIXTURE_ID, 'big-idea'));
    await openLesson();
    expect(screen.queryByRole('link', { name: /Continue where you left off/ })).not.toBeInTheDocument();
  });
});

describe('a link to a section', () => {
  it('opens the lesson there', async () => {
    const focused = new Promise<Element | null>((resolve) => {
      const check = () => {
        const heading = document.getElementById('terms-heading');
        if (heading !== null && document.activeElement === heading) resolve(heading);
        else setTimeout(check, 10);
      };
      check();
    });
    await openLesson(`/lessons/${FIXTURE_ID}#terms`);
    expect(await focused).toHaveTextContent('Takeaways & terms');
  });
});
