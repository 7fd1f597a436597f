import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { readableSearch } from '../player/deepLink.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';
import { evictionParams, parseEvictionSettings } from './evictionLink.ts';
import type { EvictionSettings } from './evictionLink.ts';
import { parseShardingSettings, shardingParams } from './shardingLink.ts';
import type { ShardingSettings } from './shardingLink.ts';

export const LAB_NAMES = ['eviction', 'sharding'] as const;
export type LabName = (typeof LAB_NAMES)[number];

export interface LabLink {
  lab: LabName;
  eviction: EvictionSettings;
  sharding: ShardingSettings;
  /** What in the link that opened this lab could not be used; cleared by `dismissProblems`. */
  problems: readonly DeepLinkProblem[];
  dismissProblems: () => void;
  setEviction: (settings: EvictionSettings) => void;
  setSharding: (settings: ShardingSettings) => void;
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
  const eviction = parseEvictionSettings(paramsOf('eviction'));
  const sharding = parseShardingSettings(paramsOf('sharding'));
  const active = lab === 'eviction' ? eviction : sharding;
  const canonical = labSearch(
    lab,
    lab === 'eviction' ? evictionParams(eviction.settings) : shardingParams(sharding.settings),
  );
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
    eviction: eviction.settings,
    sharding: sharding.settings,
    problems,
    dismissProblems: () => setProblems([]),
    setEviction: (settings) => go(labSearch('eviction', evictionParams(settings))),
    setSharding: (settings) => go(labSearch('sharding', shardingParams(settings))),
    selectLab: (next) => {
      if (next === lab) return;
      setRemembered((last) => ({ ...last, [lab]: canonical }));
      setProblems([]);
      go(remembered[next] ?? `lab=${next}`);
    },
  };
}
