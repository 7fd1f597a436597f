import type { UserData } from '../../state/userData.ts';
import { userDataSummary } from '../../state/userData.ts';

/** "1 lesson", "3 lessons". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a set of user data holds, in one line: "3 lessons started (1 done), 12 review cards rated". */
export function summaryWords(data: UserData): string {
  const { lessons, done, cards } = userDataSummary(data);
  if (lessons === 0 && cards === 0) return 'no lesson started and no card rated';
  return `${count(lessons, 'lesson', 'lessons')} started (${done} done), ${count(cards, 'review card', 'review cards')} rated`;
}
