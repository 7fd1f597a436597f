/** The course's two phases, as CURRICULUM.md names them. */
export const PHASES = [
  { phase: 1, title: 'Redis cache systems' },
  { phase: 2, title: 'Distributed caching' },
] as const;

export function phaseTitle(phase: 1 | 2): string {
  return PHASES.find((entry) => entry.phase === phase)?.title ?? `Phase ${phase}`;
}
