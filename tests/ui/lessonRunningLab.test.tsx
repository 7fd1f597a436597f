import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeLineForMarker, getScenario } from '../../src/content/index.ts';
import { getLesson } from '../../src/content/lessons/index.ts';
import { labsForLesson } from '../../src/content/labSources.ts';
import { traceFor } from '../../src/ui/player/traceCache.ts';
import { renderLesson } from './lessonPageFixture.tsx';

// The Code lab of a lesson with a code lab that runs shows the lab's own files (src/labs/…), as
// text from Vite's `?raw`, under tabs, with the command that starts it and the Visual's line.

const lesson = getLesson('cache-aside');
const [lab] = labsForLesson('cache-aside');
if (lesson === undefined || lab === undefined) throw new Error('cache-aside needs its lesson and lab');
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const app = lab.files.find((file) => file.path.endsWith('/app.ts'));
if (app === undefined) throw new Error('the cache-aside lab needs an app.ts');

async function openLab(query = '') {
  renderLesson(lesson, `/lessons/cache-aside${query}`);
  return screen.findByRole('region', { name: `Run it: ${lab?.title}` });
}

afterEach(() => vi.unstubAllGlobals());

describe('the running lab in a lesson’s Code lab', () => {
  it('shows each of the lab’s files, byte for byte, one tab each', async () => {
    const section = await openLab();
    const tabs = within(section).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(lab.files.map((file) => fileName(file.path)));
    for (const file of lab.files) {
      await userEvent.click(within(section).getByRole('tab', { name: fileName(file.path) }));
      const code = within(section).getByRole('region', { name: `Code: ${file.path}` });
      expect(within(section).getByRole('heading', { level: 4, name: file.path })).toBeInTheDocument();
      expect(code.textContent).toBe(file.source.replace(/\n$/, '') + '\n');
    }
  });

  it('gives the command that starts it, with a Copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const section = await openLab();
    expect(within(section).getByText('npm run lab -- cache-aside')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Copy the command' }));
    expect(writeText).toHaveBeenCalledWith('npm run lab -- cache-aside');
  });

  it('highlights the lab’s line for the Visual’s step when it plays one of the lab’s runs', async () => {
    const trace = traceFor(getScenario('cache-aside-read')!, 1);
    const frame = trace.frames.find(
      (f) => f.code !== null && codeLineForMarker(app.source, f.code.marker) !== null,
    );
    if (frame?.code === null || frame === undefined)
      throw new Error('no step of cache-aside-read runs a line of the lab');
    const line = codeLineForMarker(app.source, frame.code.marker);
    const section = await openLab(`?scenario=cache-aside-read&seed=1&step=${frame.index}`);
    const code = within(section).getByRole('region', { name: `Code: ${app.path}` });
    expect(code.querySelector('mark.code-lab-line.is-current')).toHaveAttribute('data-line', String(line));
    expect(
      within(section).getByText(new RegExp(`At step ${frame.index} of .*, line ${line} runs`)),
    ).toBeInTheDocument();
  });

  it('colours the SQL too, once the highlighter has loaded', async () => {
    const section = await openLab();
    const schema = lab.files.find((file) => file.path.endsWith('.sql'));
    if (schema === undefined) throw new Error('the lab needs a schema');
    await userEvent.click(within(section).getByRole('tab', { name: fileName(schema.path) }));
    const code = within(section).getByRole('region', { name: `Code: ${schema.path}` });
    await waitFor(() => expect(code.querySelector('.code-token')).not.toBeNull(), { timeout: 15_000 });
  });
});
