import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ProseParagraphs, Prose } from '../../src/ui/lesson/Prose.tsx';
import { LessonTermsProvider } from '../../src/ui/glossary/GlossaryContext.tsx';
import { fixtureLesson } from './lessonPageFixture.tsx';

function renderProse(node: React.ReactNode) {
  return render(
    <MemoryRouter>
      <LessonTermsProvider lesson={fixtureLesson()}>{node}</LessonTermsProvider>
    </MemoryRouter>,
  );
}

describe('lesson prose', () => {
  it('shows `backticks` as code, without the backticks', () => {
    const { container } = renderProse(<Prose text="Run `SET user:42 x EX 30`, then `GET user:42`." />);
    expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'SET user:42 x EX 30',
      'GET user:42',
    ]);
    expect(container.textContent).toBe('Run SET user:42 x EX 30, then GET user:42.');
  });

  it('never renders text as HTML', () => {
    const { container } = renderProse(
      <Prose text={'A <b>bold</b> <img src=x onerror="alert(1)"> & `<i>`'} />,
    );
    expect(container.querySelector('b, img, i')).toBeNull();
    expect(container.textContent).toBe('A <b>bold</b> <img src=x onerror="alert(1)"> & <i>');
  });

  it('links a glossary term, as a whole word and whatever its case, to its Glossary entry', () => {
    renderProse(
      <Prose text="The frobnicator answers. A frobnicators-like thing and Slow stores do not match." />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['frobnicator', '/glossary#term-frobnicator'],
    ]);
  });

  it('links every lesson’s terms, the longest first, and never inside code', () => {
    renderProse(<Prose text="`Frobnicator` is code; the slow store and a TTL are terms." />);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['slow store', 'TTL']);
    expect(screen.getByRole('link', { name: 'TTL' }).getAttribute('href')).toMatch(/^\/glossary#term-/);
  });

  it('links a term at its first occurrence in a section only', () => {
    const { container } = renderProse(
      <ProseParagraphs
        texts={['A Frobnicator, and a Frobnicator again.', 'Still the frobnicator, and the slow store.']}
      />,
    );
    const [first, second] = container.querySelectorAll('p');
    expect(
      within(first!)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Frobnicator']);
    expect(
      within(second!)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['slow store']);
  });
});
