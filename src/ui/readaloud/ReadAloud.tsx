import { useId } from 'react';
import { READ_ALOUD_RATES, useReadAloudSettings } from '../../state/readAloud.ts';
import { Icon } from '../player/icons.tsx';
import { useSpeech } from './useSpeech.ts';
import './readAloud.css';

interface ReadAloudProps {
  /** The element whose `data-read-aloud` paragraphs are read, in order. */
  root: () => HTMLElement | null;
}

/** The page's language (`<html lang="en">`), as a primary subtag. */
function pageLanguage(): string {
  return (document.documentElement.lang || 'en').split('-')[0] ?? 'en';
}

const formatRate = (rate: number) => `${rate}\u00d7`;

/**
 * Read-aloud with the browser's speech synthesis: play, pause, resume and stop, speed and voice
 * (kept for next time). Where the browser cannot speak, it says so instead of showing dead buttons.
 */
export function ReadAloud({ root }: ReadAloudProps) {
  const baseId = useId();
  const language = pageLanguage();
  const speech = useSpeech(root, language);
  const rate = useReadAloudSettings((s) => s.rate);
  const setRate = useReadAloudSettings((s) => s.setRate);
  const setVoiceURI = useReadAloudSettings((s) => s.setVoiceURI);
  const labelId = `${baseId}-label`;

  if (speech.availability === 'unsupported' || speech.availability === 'no-voices') {
    // One line, with the reason and the way out a click away: it sits above every lesson.
    return (
      <div className="read-aloud read-aloud-unavailable" role="group" aria-labelledby={labelId}>
        <details>
          <summary>
            <span id={labelId} className="read-aloud-label">
              Read aloud
            </span>{' '}
            is not available
          </summary>
          <p>
            {speech.availability === 'unsupported'
              ? 'This browser cannot speak text: it has no speech synthesis.'
              : 'This browser has no English voice installed. Add one in your system\u2019s speech or language settings, then reload the page.'}
          </p>
        </details>
      </div>
    );
  }

  const { playback } = speech;
  return (
    <div className="read-aloud" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="read-aloud-label">
        Read aloud
      </span>
      <div className="read-aloud-buttons">
        {playback === 'stopped' ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={speech.play}
            disabled={speech.availability !== 'ready'}
          >
            <Icon name="play" /> Listen
          </button>
        ) : playback === 'playing' ? (
          <button type="button" className="button button-quiet" onClick={speech.pause}>
            <Icon name="pause" /> Pause <span className="visually-hidden">reading</span>
          </button>
        ) : (
          <button type="button" className="button button-quiet" onClick={speech.resume}>
            <Icon name="play" /> Resume <span className="visually-hidden">reading</span>
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          onClick={speech.stop}
          disabled={playback === 'stopped'}
        >
          <svg
            className="icon"
            viewBox="0 0 20 20"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M5 5h10v10H5z" />
          </svg>{' '}
          Stop <span className="visually-hidden">reading</span>
        </button>
      </div>
      <label className="read-aloud-field">
        <span>Speed</span>
        <select value={String(rate)} onChange={(event) => setRate(Number(event.target.value))}>
          {READ_ALOUD_RATES.map((r) => (
            <option key={r} value={String(r)}>
              {formatRate(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="read-aloud-field">
        <span>Voice</span>
        <select
          value={speech.voice?.voiceURI ?? ''}
          onChange={(event) => setVoiceURI(event.target.value === '' ? null : event.target.value)}
          disabled={speech.voices.length === 0}
        >
          {speech.voices.length === 0 ? <option value="">Looking for voices…</option> : null}
          {speech.voices.map((v) => (
            <option key={v.voiceURI} value={v.voiceURI}>
              {v.name} ({v.lang})
            </option>
          ))}
        </select>
      </label>
      <p className="read-aloud-status" role="status">
        {speech.problem ??
          (playback === 'stopped'
            ? ''
            : `${playback === 'paused' ? 'Paused at' : 'Reading'} paragraph ${(speech.position?.index ?? 0) + 1} of ${speech.position?.count ?? 0}.`)}
      </p>
    </div>
  );
}
