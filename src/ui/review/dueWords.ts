/**
 * How long until a card is due, in the words a rating button and the Review page use: "10 min",
 * "5 hours", "1 day", "3 days", "2 months". Whole days are counted as days up to a month.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function intervalWords(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return plural(Math.round(ms / HOUR), 'hour');
  const days = Math.round(ms / DAY);
  if (days < 31) return plural(days, 'day');
  if (days < 365) return plural(Math.round(days / 30.4), 'month');
  return plural(Math.round((days / 365) * 10) / 10, 'year');
}

/** "in 3 days", or "now" for a time already passed. */
export function dueInWords(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  return ms <= 0 ? 'now' : `in ${intervalWords(ms)}`;
}

/** The calendar date, for a sentence such as "Next card due in 3 days (Thu 9 Jan)". */
export function dueDateWords(due: Date): string {
  return due.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "1 card", "5 cards". */
export function cardCount(count: number): string {
  return plural(count, 'card');
}
