import { useEffect, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Scenario } from '../../engine/index.ts';
import { DEFAULT_SEED, scenarios } from '../../content/index.ts';
import { parsePlayerChoice, playerSearch, readableSearch } from '../player/deepLink.ts';
import type { DeepLinkProblem, LeadingParams } from '../player/deepLink.ts';
import { buildScenario } from './buildScenario.ts';
import { configHints } from './configHints.ts';
import type { ConfigHints } from './configHints.ts';
import { configParams, configSearch, parseConfig } from './configLink.ts';
import { configProblems } from './configProblems.ts';
import type { ConfigProblem } from './configProblems.ts';
import { configOf } from './playgroundConfig.ts';
import type { PlaygroundConfig } from './playgroundConfig.ts';

export interface PlaygroundLink {
  base: Scenario;
  config: PlaygroundConfig;
  /** The configuration's parameters, which lead every link the player writes. */
  leadingParams: LeadingParams;
  /** What in the address could not be used (the base's values are shown instead). */
  linkProblems: DeepLinkProblem[];
  /** False when a parameter was missing or unusable, so the address is to be written in full. */
  complete: boolean;
  problems: ConfigProblem[];
  hints: ConfigHints;
  /** The scenario to run, or null when the configuration cannot run. */
  built: Scenario | null;
  change: (config: PlaygroundConfig) => void;
  startFrom: (scenarioId: string) => void;
}

const PLAYER_PARAMS = ['seed', 'fx', 'race', 'step'];

/** The Playground's configuration, read from the address and written back to it. */
export function usePlaygroundLink(): PlaygroundLink {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const parsed = parseConfig(searchParams, scenarios);
  const { base, config, complete } = parsed;
  const key = configSearch(config);
  // Built once per configuration: the player keeps its run while only the step changes.
  const { problems, built } = useMemo(() => {
    const found = configProblems(base, config);
    return { problems: found, built: found.length === 0 ? buildScenario(base, config) : null };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const hints = configHints(base, config, built);
  const leadingParams = configParams(config);

  // A new configuration keeps the seed and starts over: faults and race orders belong to the old run.
  const { seed } = parsePlayerChoice(searchParams, DEFAULT_SEED).choice;
  const change = (next: PlaygroundConfig) => {
    void navigate(`?${playerSearch(configParams(next), { seed, step: 0 })}`, {
      replace: true,
      preventScrollReset: true,
    });
  };
  const startFrom = (scenarioId: string) => {
    const next = scenarios.find((scenario) => scenario.id === scenarioId);
    if (next !== undefined) change(configOf(next));
  };

  // While the configuration cannot run there is no player to rewrite the address: do it here,
  // keeping the player's parameters as they are for when it can.
  const unrunnableRewrite =
    built === null && !complete
      ? readableSearch(
          new URLSearchParams([
            ...leadingParams.map(([name, value]): [string, string] => [name, value]),
            ...PLAYER_PARAMS.flatMap((name): [string, string][] => {
              const value = searchParams.get(name);
              return value === null ? [] : [[name, value]];
            }),
          ]),
        )
      : null;
  useEffect(() => {
    if (unrunnableRewrite !== null) {
      void navigate(`?${unrunnableRewrite}`, { replace: true, preventScrollReset: true });
    }
  }, [unrunnableRewrite, navigate]);

  return {
    base,
    config,
    leadingParams,
    linkProblems: parsed.problems,
    complete,
    problems,
    hints,
    built,
    change,
    startFrom,
  };
}
