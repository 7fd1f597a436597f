import type { LessonStatus } from '../../state/progress.ts';

/** What each status is called wherever it is shown: always as words beside an icon, never colour alone. */
export const STATUS_LABEL: Record<LessonStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

/** The sentence a change of status is announced with. */
export function statusChangeWords(title: string, status: LessonStatus): string {
  switch (status) {
    case 'done':
      return `${title} marked done.`;
    case 'in-progress':
      return `${title} marked in progress.`;
    case 'skipped':
      return `${title} skipped.`;
    default:
      return `${title} reset: not started, its checked tasks and finished Visual cleared.`;
  }
}

/** "1 h 25 min", "40 min". */
export function minutesWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
