import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeLineForMarker, getScenario } from '../../src/content/index.ts';
import { stepMarkerLines } from '../../src/ui/code/useVisualStep.ts';
import { traceFor } from '../../src/ui/player/traceCache.ts';
import { fixtureLesson, renderLesson } from './lessonPageFixture.tsx';

const lesson = fixtureLesson();

async function openCodeLab(query = '') {
  renderLesson(lesson, `/lessons/${lesson.id}${query}`);
  return screen.findByRole('region', { name: `Code lab: ${lesson.code.title}` });
}

/** The first step of a scenario whose frame runs a line of the lesson's code. */
function codeStep(scenarioId: string) {
  const trace = traceFor(getScenario(scenarioId)!, 1);
  for (const frame of trace.frames) {
    const line = frame.code === null ? null : codeLineForMarker(lesson.code.source, frame.code.marker);
    if (line !== null) return { step: frame.index, line };
  }
  throw new Error('no step runs lesson code');
}

afterEach(() => vi.unstubAllGlobals());

describe('the code lab', () => {
  it('shows the lesson’s code with line numbers, highlighted', async () => {
    const code = await openCodeLab();
    const lines = code.querySelectorAll('.code-lab-line');
    expect(lines).toHaveLength(lesson.code.source.replace(/\n$/, '').split('\n').length);
    expect(lines[0]).toHaveAttribute('data-line', '1');
    // Shiki loads lazily; then each token carries both themes' colours.
    await waitFor(() => expect(code.querySelector('.code-token')).not.toBeNull(), { timeout: 15_000 });
    const token = code.querySelector<HTMLElement>('.code-token')!;
    expect(token.style.getPropertyValue('--shiki-light')).toMatch(/^#[0-9a-f]{6}$/i);
    expect(token.style.getPropertyValue('--shiki-dark')).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('marks the lines the Visual’s steps point at', async () => {
    const code = await openCodeLab();
    const marked = [...code.querySelectorAll('.code-lab-line.is-step')].map((l) =>
      Number(l.getAttribute('data-line')),
    );
    expect(marked).toEqual([...stepMarkerLines(lesson.code.source)].sort((a, b) => a - b));
    expect(marked.length).toBeGreaterThan(2);
  });

  it('highlights the line of the Visual’s current step, from the address', async () => {
    const { step, line } = codeStep('cache-aside-read');
    const code = await openCodeLab(`?scenario=cache-aside-read&seed=1&step=${step}`);
    const current = code.querySelector('mark.code-lab-line.is-current');
    expect(current).toHaveAttribute('data-line', String(line));
    expect(screen.getByText(new RegExp(`At step ${step} of .*, line ${line} runs`))).toBeInTheDocument();
  });

  it('follows the Visual when it steps', async () => {
    const { step, line } = codeStep('cache-aside-read');
    const code = await openCodeLab('?scenario=cache-aside-read&seed=1&step=0');
    expect(code.querySelector('.is-current')).toBeNull();
    expect(screen.getByText(/At step 0 of .*, no line of this code runs/)).toBeInTheDocument();
    const player = await screen.findByRole('region', { name: 'Step player' });
    for (let i = 0; i < step; i++)
      await userEvent.click(within(player).getByRole('button', { name: /Step forward/ }));
    await waitFor(() => expect(code.querySelector('.is-current')).toHaveAttribute('data-line', String(line)));
  });

  it('copies the code and says "Copied"', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await openCodeLab();
    await userEvent.click(screen.getByRole('button', { name: `Copy ${lesson.code.title}` }));
    expect(writeText).toHaveBeenCalledWith(lesson.code.source);
    expect(screen.getByRole('button', { name: `Copied ${lesson.code.title}` })).toBeInTheDocument();
    expect(screen.getByText(`${lesson.code.title} copied to the clipboard.`)).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('says plainly when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))) },
    });
    await openCodeLab();
    await userEvent.click(screen.getByRole('button', { name: `Copy ${lesson.code.title}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not copy.*copy it by hand/);
    expect(screen.queryByRole('button', { name: /Copied/ })).not.toBeInTheDocument();
  });

  it('says so too where there is no clipboard at all', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    await openCodeLab();
    await userEvent.click(screen.getByRole('button', { name: `Copy ${lesson.code.title}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not copy/);
  });
});
