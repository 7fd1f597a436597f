import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { curriculum } from '../../src/content/index.ts';
import { renderApp } from './renderApp.tsx';
import { cacheAsideLesson } from './lessonFixture.ts';

async function open(path: string) {
  const app = renderApp(path);
  const heading = await screen.findByRole('heading', { level: 1 });
  return { ...app, heading };
}

describe('the site header', () => {
  it('names the product, linking home, and offers every section', async () => {
    await open('/lessons');
    expect(screen.getByRole('link', { name: 'CacheScope' })).toHaveAttribute('href', '/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const names = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(names).toEqual(['Roadmap', 'Lessons', 'Scenarios', 'Review', 'Playground', 'Glossary']);
    expect(within(nav).getByRole('link', { name: 'Lessons' })).toHaveAttribute('aria-current', 'page');
  });

  it('moves focus to the new page\u2019s heading after navigating', async () => {
    const user = userEvent.setup();
    await open('/');
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Lessons' }),
    );
    const heading = await screen.findByRole('heading', { level: 1, name: 'Lessons' });
    expect(heading).toHaveFocus();
    expect(document.title).toBe('Lessons \u00b7 CacheScope');
  });

  it('starts at the heading after the reload a new version makes at a move, and only then', async () => {
    sessionStorage.setItem('cachescope:moved-before-reload', '1');
    const reloaded = await open('/lessons');
    await waitFor(() => expect(reloaded.heading).toHaveFocus());
    expect(sessionStorage.getItem('cachescope:moved-before-reload')).toBeNull();
    reloaded.unmount();

    const { heading } = await open('/lessons');
    expect(heading).not.toHaveFocus();
    expect(document.activeElement).toBe(document.body);
  });

  it('has a skip link that moves focus to the content', async () => {
    const user = userEvent.setup();
    const { heading } = await open('/lessons');
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(heading).toHaveFocus();
  });
});

describe('the roadmap', () => {
  it('points to the first lesson and lists both phases', async () => {
    const user = userEvent.setup();
    const { heading } = await open('/');
    expect(heading).toHaveTextContent('Roadmap');
    expect(screen.getByRole('heading', { name: /Phase 1/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Phase 2/ })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /Open the .* lesson/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: curriculum[0]?.title ?? 'the first lesson' }),
    ).toBeInTheDocument();
  });
});

describe('the lessons page', () => {
  it('lists the whole curriculum, linking the lessons that are written', async () => {
    await open('/lessons');
    const available = curriculum.filter((entry) => entry.available);
    const coming = curriculum.filter((entry) => !entry.available);
    expect(within(screen.getByRole('main')).getAllByRole('listitem')).toHaveLength(curriculum.length);
    for (const entry of available) {
      expect(screen.getByRole('link', { name: entry.title })).toHaveAttribute('href', `/lessons/${entry.id}`);
    }
    for (const entry of coming) {
      expect(screen.queryByRole('link', { name: entry.title })).not.toBeInTheDocument();
      expect(screen.getByText(entry.title)).toBeInTheDocument();
    }
    expect(screen.queryAllByText('Coming')).toHaveLength(coming.length);
  });
});

describe('the lesson page', () => {
  it('shows the title, the big idea and the visual', async () => {
    const lesson = cacheAsideLesson();
    const { heading } = await open('/lessons/cache-aside');
    expect(heading).toHaveTextContent(lesson.title);
    expect(screen.getByRole('heading', { level: 2, name: 'Big idea' })).toBeInTheDocument();
    const bigIdea = screen.getByRole('region', { name: 'Big idea' });
    for (const p of lesson.bigIdea) expect(bigIdea).toHaveTextContent(p.replace(/`/g, ''));
    expect(screen.getByRole('heading', { level: 2, name: 'Visual' })).toBeInTheDocument();
    // The Visual loads after the lesson's text.
    const tabs = await screen.findByRole('tablist', { name: 'Scenarios' });
    expect(within(tabs).getAllByRole('tab')).toHaveLength(lesson.scenarioIds.length);
    expect(screen.getByRole('region', { name: 'Step player' })).toBeInTheDocument();
  });

  it('treats an unknown lesson as not found', async () => {
    const { heading } = await open('/lessons/no-such-lesson');
    expect(heading).toHaveTextContent('Page not found');
    expect(screen.getByText('There is no lesson called \u201cno-such-lesson\u201d.')).toBeInTheDocument();
  });
});

describe('the 404 page', () => {
  it('names the missing address and offers ways back', async () => {
    const { heading } = await open('/no/such/page');
    expect(heading).toHaveTextContent('Page not found');
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    const ways = screen.getByRole('navigation', { name: 'Where to go from here' });
    expect(within(ways).getByRole('link', { name: 'Roadmap' })).toHaveAttribute('href', '/');
    expect(within(ways).getByRole('link', { name: 'Lessons' })).toHaveAttribute('href', '/lessons');
    expect(within(ways).getByRole('link', { name: 'Cache-aside' })).toHaveAttribute(
      'href',
      '/lessons/cache-aside',
    );
    expect(document.title).toBe('Page not found \u00b7 CacheScope');
  });
});
