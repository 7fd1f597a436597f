import { useCallback, useEffect, useRef, useState } from 'react';
import { useReadAloudSettings } from '../../state/readAloud.ts';
import { READING, readableElements, readableText } from './readableText.ts';

export type SpeechAvailability = 'checking' | 'unsupported' | 'no-voices' | 'ready';
export type SpeechPlayback = 'stopped' | 'playing' | 'paused';

/** How long to wait for the browser to list its voices (some load them after the page). */
export const VOICE_WAIT_MS = 1500;

function synthesis(): SpeechSynthesis | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
  if (typeof window.SpeechSynthesisUtterance !== 'function') return null;
  return window.speechSynthesis;
}

/** `en-GB`, `en_US` and `en` are all English. */
function speaksLanguage(voice: SpeechSynthesisVoice, language: string): boolean {
  return voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language.toLowerCase();
}

export interface Speech {
  availability: SpeechAvailability;
  playback: SpeechPlayback;
  /** The voices for the page's language. */
  voices: SpeechSynthesisVoice[];
  /** The voice that speaks: the chosen one if it is still there, else the browser's default. */
  voice: SpeechSynthesisVoice | null;
  /** 0-based, with the number of paragraphs, while reading or paused. */
  position: { index: number; count: number } | null;
  /** A failure the browser reported, in words. */
  problem: string | null;
  play: () => void;
  pause: () => void;
  resume: () => void;
  stop: () => void;
}

/**
 * Reads the readable elements under `root()` aloud, one utterance a paragraph (long utterances stall
 * in some browsers), highlighting and scrolling to the one being read. Rate and voice come from the
 * read-aloud settings; changing either while reading starts the paragraph again with it.
 */
export function useSpeech(root: () => HTMLElement | null, language: string): Speech {
  const synth = synthesis();
  const rate = useReadAloudSettings((s) => s.rate);
  const voiceURI = useReadAloudSettings((s) => s.voiceURI);

  const [allVoices, setAllVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (synth === null) return;
    const update = () => setAllVoices(synth.getVoices());
    update();
    synth.addEventListener?.('voiceschanged', update);
    const timer = setTimeout(() => setWaited(true), VOICE_WAIT_MS);
    return () => {
      synth.removeEventListener?.('voiceschanged', update);
      clearTimeout(timer);
    };
  }, [synth]);

  const voices = allVoices.filter((v) => speaksLanguage(v, language));
  const voice =
    voices.find((v) => v.voiceURI === voiceURI) ?? voices.find((v) => v.default) ?? voices[0] ?? null;
  const availability: SpeechAvailability =
    synth === null ? 'unsupported' : voices.length > 0 ? 'ready' : waited ? 'no-voices' : 'checking';

  const [playback, setPlayback] = useState<SpeechPlayback>('stopped');
  const [position, setPosition] = useState<{ index: number; count: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Each reading gets a number; events from an utterance of an older one (cancelled) are ignored.
  const run = useRef(0);
  const paragraphs = useRef<HTMLElement[]>([]);
  const highlighted = useRef<HTMLElement | null>(null);
  const settings = useRef({ rate, voice });
  settings.current = { rate, voice };

  const highlight = (element: HTMLElement | null) => {
    highlighted.current?.removeAttribute(READING);
    highlighted.current = element;
    if (element === null) return;
    element.setAttribute(READING, '');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView?.({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  };

  const finish = useCallback(() => {
    run.current += 1;
    highlight(null);
    setPlayback('stopped');
    setPosition(null);
  }, []);

  const speakFrom = useCallback(
    (index: number) => {
      if (synth === null) return;
      const element = paragraphs.current[index];
      run.current += 1;
      const mine = run.current;
      synth.cancel();
      if (element === undefined) {
        finish();
        return;
      }
      const utterance = new SpeechSynthesisUtterance(readableText(element));
      utterance.lang = settings.current.voice?.lang ?? language;
      utterance.rate = settings.current.rate;
      if (settings.current.voice !== null) utterance.voice = settings.current.voice;
      utterance.onend = () => {
        if (run.current === mine) speakFrom(index + 1);
      };
      utterance.onerror = (event) => {
        if (run.current !== mine || event.error === 'interrupted' || event.error === 'canceled') return;
        finish();
        setProblem(`Reading stopped: the browser\u2019s speech failed (${event.error}).`);
      };
      highlight(element);
      setPosition({ index, count: paragraphs.current.length });
      setPlayback('playing');
      synth.speak(utterance);
    },
    [synth, language, finish],
  );

  const play = () => {
    const container = root();
    if (synth === null || container === null) return;
    setProblem(null);
    paragraphs.current = readableElements(container);
    // Start at the first paragraph on screen, so "Read aloud" reads from where the reader is.
    const onScreen = paragraphs.current.findIndex((p) => p.getBoundingClientRect().bottom > 0);
    speakFrom(Math.max(0, onScreen));
  };
  const pause = () => {
    synth?.pause();
    setPlayback('paused');
  };
  const resume = () => {
    synth?.resume();
    setPlayback('playing');
  };
  const stop = () => {
    synth?.cancel();
    finish();
  };

  // A new rate or voice applies at once: the paragraph being read starts again with it.
  const index = position?.index ?? null;
  const voiceName = voice?.voiceURI ?? null;
  const restartWith = useRef({ rate, voiceName });
  useEffect(() => {
    const before = restartWith.current;
    restartWith.current = { rate, voiceName };
    if (before.rate === rate && before.voiceName === voiceName) return;
    if (playback === 'playing' && index !== null) speakFrom(index);
  }, [rate, voiceName, playback, index, speakFrom]);

  // Leaving the page stops reading.
  useEffect(
    () => () => {
      run.current += 1;
      highlighted.current?.removeAttribute(READING);
      if (synth !== null && (synth.speaking || synth.pending || synth.paused)) synth.cancel();
    },
    [synth],
  );

  return { availability, playback, voices, voice, position, problem, play, pause, resume, stop };
}
