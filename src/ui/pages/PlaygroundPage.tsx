import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { LinkProblems } from '../lesson/LinkProblems.tsx';
import { RunPlayer } from '../lesson/RunPlayer.tsx';
import { PlaygroundSettings } from '../playground/PlaygroundSettings.tsx';
import { RunRefusal } from '../playground/RunRefusal.tsx';
import { usePlaygroundLink } from '../playground/usePlaygroundLink.ts';
import { Page } from './Page.tsx';
import '../playground/playground.css';

/**
 * `#/playground?from=…&clients=…&…&seed=&step=`: any scenario, with its topology and strategy
 * changed from typed controls, in the same player as the lessons. The address holds every setting.
 */
export function PlaygroundPage() {
  const link = usePlaygroundLink();
  const { base, config, built, problems } = link;
  const { search } = useLocation();

  // While nothing runs, this page shows what in the link it could not use (the player does otherwise).
  const [notices, setNotices] = useState(link.linkProblems);
  const [noticedSearch, setNoticedSearch] = useState(search);
  if (search !== noticedSearch) {
    setNoticedSearch(search);
    if (link.linkProblems.length > 0) setNotices(link.linkProblems);
  }
  const change = (next: typeof config) => {
    setNotices([]);
    link.change(next);
  };
  const startFrom = (scenarioId: string) => {
    setNotices([]);
    link.startFrom(scenarioId);
  };

  return (
    <Page
      title="Playground"
      lede="Start from any scenario, then change who takes part and how they cache. Step through the result with the same player, console, faults and checker as the lessons. The address holds every setting, so a link reopens the same run."
      wide
    >
      <p className="page-text">
        For runs too large to step through, with charts of the results, open the{' '}
        <Link to="/playground/lab">Lab: charts at scale</Link>.
      </p>
      <div className="playground">
        <section className="playground-panel card" aria-labelledby="playground-settings-heading">
          <div className="playground-panel-header">
            <h2 id="playground-settings-heading">Settings</h2>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const heading = document.getElementById('playground-run-heading');
                heading?.focus();
                heading?.scrollIntoView?.({ block: 'start' });
              }}
            >
              Go to the run
            </button>
          </div>
          <PlaygroundSettings
            base={base}
            config={config}
            problems={problems}
            hints={link.hints}
            onChange={change}
            onStartFrom={startFrom}
          />
          <p className="visually-hidden" role="status">
            {built === null
              ? `These settings cannot run: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}, explained next to the settings.`
              : ''}
          </p>
        </section>
        {/* The player's tables are h3s: give them their h2. */}
        <section className="playground-run" aria-labelledby="playground-run-heading">
          <h2 id="playground-run-heading" tabIndex={-1}>
            The run
          </h2>
          {built === null ? (
            <>
              <LinkProblems problems={notices} onDismiss={() => setNotices([])} />
              <RunRefusal problems={problems} />
            </>
          ) : (
            <RunPlayer
              key={built.id}
              scenario={built}
              leadingParams={link.leadingParams}
              leadingProblems={link.linkProblems}
              rewriteLink={!link.complete}
              explainMissingRace
            />
          )}
        </section>
      </div>
    </Page>
  );
}
