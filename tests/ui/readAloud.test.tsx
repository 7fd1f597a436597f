import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_ALOUD_KEY, clampRate, useReadAloudSettings } from '../../src/state/readAloud.ts';
import { ReadAloud } from '../../src/ui/readaloud/ReadAloud.tsx';
import { VOICE_WAIT_MS } from '../../src/ui/readaloud/useSpeech.ts';

/** A speechSynthesis that records what it is asked and lets the test end an utterance. */
class FakeUtterance {
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

const voice = (name: string, lang: string, isDefault = false) =>
  ({ name, lang, voiceURI: `uri-${name}`, default: isDefault, localService: true }) as SpeechSynthesisVoice;

function fakeSynthesis(voices: SpeechSynthesisVoice[]) {
  const listeners = new Set<() => void>();
  const synth = {
    spoken: [] as FakeUtterance[],
    paused: false,
    speaking: false,
    pending: false,
    calls: [] as string[],
    getVoices: () => voices,
    speak(u: FakeUtterance) {
      this.spoken.push(u);
      this.speaking = true;
    },
    cancel() {
      this.calls.push('cancel');
      this.speaking = false;
    },
    pause() {
      this.calls.push('pause');
      this.paused = true;
    },
    resume() {
      this.calls.push('resume');
      this.paused = false;
    },
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    /** The utterance being spoken now. */
    get current() {
      return this.spoken.at(-1)!;
    },
  };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return synth;
}

function Article() {
  return (
    <>
      <ReadAloud root={() => document.getElementById('article')} />
      <div id="article">
        <h2 data-read-aloud="">
          <span aria-hidden="true">01</span>The heading
        </h2>
        <p data-read-aloud="">The first paragraph.</p>
        <details>
          <summary>Show</summary>
          <p data-read-aloud="">Hidden until opened.</p>
        </details>
        <p data-read-aloud="">
          The last <code>paragraph</code>.
        </p>
      </div>
    </>
  );
}

beforeEach(() => {
  useReadAloudSettings.setState({ rate: 1, voiceURI: null });
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

describe('read-aloud', () => {
  it('reads each paragraph in turn, highlighting the one being read', async () => {
    const synth = fakeSynthesis([voice('Alex', 'en-US', true)]);
    render(<Article />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(synth.current.text).toBe('The heading');
    expect(synth.current.lang).toBe('en-US');
    expect(screen.getByRole('heading', { name: 'The heading' })).toHaveAttribute('data-reading');
    act(() => synth.current.onend!());
    expect(synth.current.text).toBe('The first paragraph.');
    expect(screen.getByText('The first paragraph.')).toHaveAttribute('data-reading');
    expect(screen.getByRole('heading', { name: 'The heading' })).not.toHaveAttribute('data-reading');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Reading paragraph 2 of 3.');
    // The closed disclosure's paragraph is skipped.
    act(() => synth.current.onend!());
    expect(synth.current.text).toBe('The last paragraph.');
    act(() => synth.current.onend!());
    expect(document.querySelector('[data-reading]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Listen' })).toBeInTheDocument();
  });

  it('pauses, resumes and stops', async () => {
    const synth = fakeSynthesis([voice('Alex', 'en-US', true)]);
    render(<Article />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    await user.click(screen.getByRole('button', { name: 'Pause reading' }));
    expect(synth.calls).toContain('pause');
    expect(screen.getByRole('status')).toHaveTextContent('Paused at paragraph 1 of 3.');
    await user.click(screen.getByRole('button', { name: 'Resume reading' }));
    expect(synth.calls.at(-1)).toBe('resume');
    await user.click(screen.getByRole('button', { name: 'Stop reading' }));
    expect(synth.calls.at(-1)).toBe('cancel');
    expect(document.querySelector('[data-reading]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop reading' })).toBeDisabled();
    // A cancelled utterance's end does not read on.
    const count = synth.spoken.length;
    act(() => synth.spoken[0]!.onend!());
    expect(synth.spoken).toHaveLength(count);
  });

  it('offers only voices in the page’s language, and keeps the chosen voice and speed', async () => {
    const synth = fakeSynthesis([
      voice('Alex', 'en-US', true),
      voice('Kate', 'en-GB'),
      voice('Anna', 'de-DE'),
      voice('Amélie', 'fr_FR'),
    ]);
    render(<Article />);
    const user = userEvent.setup();
    const voices = screen.getByRole('combobox', { name: 'Voice' });
    expect([...(voices as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Alex (en-US)',
      'Kate (en-GB)',
    ]);
    await user.selectOptions(voices, 'Kate (en-GB)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '1.5×');
    expect(JSON.parse(localStorage.getItem(READ_ALOUD_KEY)!).state).toEqual({
      rate: 1.5,
      voiceURI: 'uri-Kate',
    });
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(synth.current.rate).toBe(1.5);
    expect(synth.current.voice?.name).toBe('Kate');
    // A new speed applies at once: the paragraph starts again with it.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '0.5×');
    expect(synth.current.rate).toBe(0.5);
    expect(synth.current.text).toBe('The heading');
  });

  it('says plainly when the browser cannot speak', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    // jsdom has neither; make sure the check is for the feature, not for the global's presence.
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    render(<Article />);
    expect(screen.getByRole('group', { name: 'Read aloud' })).toHaveTextContent(
      'Read aloud is not available',
    );
    expect(
      screen.getByText('This browser cannot speak text: it has no speech synthesis.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Listen' })).not.toBeInTheDocument();
  });

  it('says plainly when there is no voice for the page’s language', async () => {
    vi.useFakeTimers();
    try {
      fakeSynthesis([voice('Anna', 'de-DE')]);
      render(<Article />);
      expect(screen.getByRole('button', { name: 'Listen' })).toBeDisabled();
      act(() => vi.advanceTimersByTime(VOICE_WAIT_MS + 10));
      expect(screen.getByRole('group', { name: 'Read aloud' })).toHaveTextContent(
        'Read aloud is not available',
      );
      expect(screen.getByText(/^This browser has no English voice installed\./)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('read-aloud settings', () => {
  it('keep the rate within 0.5× to 2×, in the offered steps', () => {
    expect([clampRate(0.1), clampRate(1.1), clampRate(9), clampRate(Number.NaN)]).toEqual([0.5, 1, 2, 1]);
  });

  it('read back what they saved, and fall back to defaults for anything unreadable', async () => {
    localStorage.setItem(
      READ_ALOUD_KEY,
      JSON.stringify({ state: { rate: 1.75, voiceURI: 'x' }, version: 1 }),
    );
    await useReadAloudSettings.persist.rehydrate();
    expect(useReadAloudSettings.getState()).toMatchObject({ rate: 1.75, voiceURI: 'x' });
    localStorage.setItem(
      READ_ALOUD_KEY,
      JSON.stringify({ state: { rate: 'fast', voiceURI: 42 }, version: 1 }),
    );
    await useReadAloudSettings.persist.rehydrate();
    expect(useReadAloudSettings.getState()).toMatchObject({ rate: 1, voiceURI: null });
    localStorage.setItem(READ_ALOUD_KEY, '{not json');
    await waitFor(() => useReadAloudSettings.persist.rehydrate());
    expect(typeof useReadAloudSettings.getState().setRate).toBe('function');
  });
});
