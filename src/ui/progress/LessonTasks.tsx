import type { Lesson } from '../../content/index.ts';
import { useProgress } from '../../state/progress.ts';
import { CardText } from '../cards/CardText.tsx';
import { minutesWords } from './statusWords.ts';
import './progress.css';

/**
 * Do this today: the lesson's practical tasks. Each row is a checkbox the learner ticks when the task
 * is done (click, tap, Enter or Space); what is checked stays in this browser, and every task checked
 * is part of finishing the lesson.
 */
export function LessonTasks({ lesson }: { lesson: Lesson }) {
  const done = useProgress((state) => state.lessons[lesson.id]?.tasksDone);
  const setTaskDone = useProgress((state) => state.setTaskDone);
  const isDone = (taskId: string) => done?.includes(taskId) ?? false;
  const totalMinutes = lesson.tasks.reduce((sum, task) => sum + task.minutes, 0);
  const doneTasks = lesson.tasks.filter((task) => isDone(task.id));
  const doneMinutes = doneTasks.reduce((sum, task) => sum + task.minutes, 0);
  return (
    <div className="lesson-tasks">
      <ul className="task-list">
        {lesson.tasks.map((task, index) => {
          const checked = isDone(task.id);
          return (
            <li key={task.id}>
              <button
                type="button"
                role="checkbox"
                aria-checked={checked}
                className="task-row"
                onClick={() => setTaskDone(lesson.id, task.id, !checked)}
              >
                <span className="task-box" aria-hidden="true">
                  <svg viewBox="0 0 16 16" width="16" height="16" focusable="false">
                    <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
                  </svg>
                </span>
                <span className="task-body">
                  <span className="task-number">Task {index + 1}</span>{' '}
                  <span className="task-text">
                    <CardText text={task.text} />
                  </span>
                </span>{' '}
                <span className="task-time">
                  <span className="visually-hidden">about</span> {minutesWords(task.minutes)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="task-summary" role="status">
        <strong>
          {doneTasks.length} of {lesson.tasks.length} done
        </strong>
        {` \u00b7 about ${minutesWords(totalMinutes)} in all`}
        {doneTasks.length === 0 || doneMinutes === totalMinutes
          ? null
          : `, ${minutesWords(totalMinutes - doneMinutes)} left`}
      </p>
    </div>
  );
}
