import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { readableSearch } from '../player/deepLink.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';
import { evictionParams, parseEvictionSettings } from './evictionLink.ts';
import type { EvictionSettings } from './evictionLink.ts';
import { loadParams, parseLoadSettings } from './loadLink.ts';
import type { LoadSettings } from './loadLink.ts';
import { parseShardingSettings, shardingParams } from './shardingLink.ts';
import type { ShardingSettings } from './shardingLink.ts';

export const LAB_NAMES = ['eviction', 'sharding', 'load'] as const;
export type LabName = (typeof LAB_NAMES)[number];

/** Each lab's settings, by the lab's name in the address. */
export interface LabSettingsOf {
  eviction: EvictionSettings;
  sharding: ShardingSettings;
  load: LoadSettings;
}

/** How one lab's settings are read from the address and written back (its link module). */
interface LabLinkModule<S> {
  parse: (params: URLSearchParams) => {
    settings: S;
    problems: DeepLinkProblem[];
    /** False when the address is not written as `params` would write it: it is then rewritten. */
    complete: boolean;
  };
  params: (settings: S) => [string, string][];
}

const LAB_LINKS: { [N in LabName]: LabLinkModule<LabSettingsOf[N]> } = {
  eviction: { parse: parseEvictionSettings, params: evictionParams },
  sharding: { parse: parseShardingSettings, params: shardingParams },
  load: { parse: parseLoadSettings, params: loadParams },
};

function parseLab<N extends LabName>(lab: N, params: URLSearchParams) {
  return LAB_LINKS[lab].parse(params);
}

function paramsOfLab<N extends LabName>(lab: N, settings: LabSettingsOf[N]): [string, string][] {
  return LAB_LINKS[lab].params(settings);
}

export interface LabLink {
  lab: LabName;
  /** Every lab's settings: the open one's from the address, the others' as they were left. */
  settings: LabSettingsOf;
  /** What in the link that opened this lab could not be used; cleared by `dismissProblems`. */
  problems: readonly DeepLinkProblem[];
  dismissProblems: () => void;
  /** Writes a lab's settings into the address (and opens that lab). */
  setSettings: <N extends LabName>(lab: N, settings: LabSettingsOf[N]) => void;
  selectLab: (lab: LabName) => void;
}

/** `lab=<name>&…`: the address holds the open lab's settings, so a link shares one comparison. */
export function labSearch(lab: LabName, params: readonly [string, string][]): string {
  return readableSearch(new URLSearchParams([['lab', lab], ...params]));
}

/**
 * The Lab page's settings, read from the address and written back to it (replacing the entry, as
 * the Playground does). The lab not shown keeps its settings here, so switching back finds them.
 */
export function useLabLink(): LabLink {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const search = searchParams.toString();

  const labParam = searchParams.get('lab');
  const lab: LabName = LAB_NAMES.find((name) => name === labParam) ?? 'eviction';
  const labProblem: DeepLinkProblem[] =
    labParam === null || labParam === lab
      ? []
      : [
          {
            param: 'lab',
            value: shown(labParam),
            message: `The link\u2019s lab \u201c${shown(labParam)}\u201d is not one of ${LAB_NAMES.join(', ')}. Showing the eviction lab instead.`,
          },
        ];

  const [remembered, setRemembered] = useState<Partial<Record<LabName, string>>>({});
  const paramsOf = (name: LabName) =>
    name === lab ? searchParams : new URLSearchParams(remembered[name] ?? '');
  const parsed = {
    eviction: parseLab('eviction', paramsOf('eviction')),
    sharding: parseLab('sharding', paramsOf('sharding')),
    load: parseLab('load', paramsOf('load')),
  };
  const active = parsed[lab];
  const canonical = labSearch(lab, paramsOfLab(lab, active.settings));
  const rewrite = labParam !== lab || !active.complete ? canonical : null;

  // Problems stay on screen after the address is rewritten, until dismissed or a new bad link.
  const [problems, setProblems] = useState<readonly DeepLinkProblem[]>([]);
  const [noticedSearch, setNoticedSearch] = useState<string | null>(null);
  if (search !== noticedSearch) {
    setNoticedSearch(search);
    const found = [...labProblem, ...active.problems];
    if (found.length > 0) setProblems(found);
  }

  useEffect(() => {
    if (rewrite !== null) void navigate(`?${rewrite}`, { replace: true, preventScrollReset: true });
  }, [rewrite, navigate]);

  const go = (next: string) => void navigate(`?${next}`, { replace: true, preventScrollReset: true });
  return {
    lab,
    settings: {
      eviction: parsed.eviction.settings,
      sharding: parsed.sharding.settings,
      load: parsed.load.settings,
    },
    problems,
    dismissProblems: () => setProblems([]),
    setSettings: (name, settings) => go(labSearch(name, paramsOfLab(name, settings))),
    selectLab: (next) => {
      if (next === lab) return;
      setRemembered((last) => ({ ...last, [lab]: canonical }));
      setProblems([]);
      go(remembered[next] ?? `lab=${next}`);
    },
  };
}
