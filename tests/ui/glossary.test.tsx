import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/content/lessons/index.ts';
import { glossaryEntries, searchGlossary, termAnchor } from '../../src/ui/glossary/glossary.ts';
import { renderApp } from './renderApp.tsx';

const entries = glossaryEntries(lessons);

async function openGlossary(path = '/glossary') {
  const view = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Glossary' });
  return view;
}

function shownTerms(): string[] {
  return [...document.querySelectorAll('.glossary-term')].map((dt) => dt.textContent ?? '');
}

describe('the glossary', () => {
  it('holds every term of every lesson once, alphabetical', () => {
    const all = lessons.flatMap((l) => l.terms.map((t) => t.term.toLowerCase()));
    expect(entries.map((e) => e.term.toLowerCase()).sort()).toEqual([...new Set(all)].sort());
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(entries.map((e) => e.term)).toEqual([...entries.map((e) => e.term)].sort(collator.compare));
  });

  it('gives each term a stable anchor', () => {
    expect(termAnchor('Time to live (TTL)')).toBe('term-time-to-live-ttl');
    expect(termAnchor('Pub/Sub')).toBe('term-pub-sub');
    expect(new Set(entries.map((e) => e.anchor)).size).toBe(entries.length);
  });

  it('finds terms by any word of their term or definition, terms first', () => {
    const sticky = entries.find((e) => e.term === 'Sticky sessions')!;
    expect(searchGlossary(entries, 'STICKY')[0]).toBe(sticky);
    expect(searchGlossary(entries, '')).toHaveLength(entries.length);
    expect(searchGlossary(entries, 'no-such-word-anywhere')).toEqual([]);
    const session = searchGlossary(entries, 'session');
    const firstDefinitionOnly = session.findIndex((e) => !e.term.toLowerCase().includes('session'));
    expect(session.slice(firstDefinitionOnly).every((e) => !e.term.toLowerCase().includes('session'))).toBe(
      true,
    );
  });
});

describe('the glossary page', () => {
  it('lists every term with its definition and a link to the lesson that teaches it', async () => {
    await openGlossary();
    expect(shownTerms()).toEqual(entries.map((e) => e.term));
    expect(screen.getByRole('status')).toHaveTextContent(`${entries.length} terms`);
    const entry = document.getElementById(termAnchor('Sticky sessions'))!;
    expect(entry).toHaveTextContent(/A load-balancer setting/);
    expect(within(entry).getByRole('link', { name: /Session stores/ })).toHaveAttribute(
      'href',
      '/lessons/sessions#terms',
    );
  });

  it('filters as you type, with a live count', async () => {
    await openGlossary();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search the glossary' }), 'sticky');
    expect(shownTerms()[0]).toBe('Sticky sessions');
    const count = searchGlossary(entries, 'sticky').length;
    expect(screen.getByRole('status')).toHaveTextContent(
      `${count} of ${entries.length} terms match “sticky”.`,
    );
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'zzzqqq');
    expect(shownTerms()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('No term matches “zzzqqq”.');
  });

  it('opens at the entry a link names, and focuses it', async () => {
    const anchor = termAnchor('Sticky sessions');
    await openGlossary(`/glossary#${anchor}`);
    const entry = document.getElementById(anchor)!;
    await waitFor(() => expect(entry).toHaveFocus());
    expect(entry).toHaveClass('is-target');
  });

  it('follows a term link from a lesson to its entry', async () => {
    const { router } = renderApp('/lessons/sessions');
    const big = await screen.findByRole('region', { name: 'Big idea' });
    const link = within(big).getAllByRole('link')[0]!;
    const anchor = link.getAttribute('href')!.split('#')[1]!;
    await userEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Glossary' });
    expect(router.state.location.hash).toBe(`#${anchor}`);
    await waitFor(() => expect(document.getElementById(anchor)).toHaveFocus());
  });
});
