import { useMemo, useState } from 'react';
import type { Trace } from '../../engine/index.ts';
import { narrate } from '../../content/index.ts';
import type { LessonQuestion } from '../../content/lessonSchema.ts';
import { useProgress } from '../../state/progress.ts';
import { useQuestionSettings } from '../../state/questionSettings.ts';
import type { PlayerHands, PlayerStops } from '../player/playerStops.ts';
import { QuestionForm, QuestionResult } from './QuestionPanel.tsx';
import { questionAt } from './questionAt.ts';
import type { ComputedQuestion } from './questionAt.ts';
import { questionKey } from './score.ts';
import type { VisualQuestions } from './score.ts';

/** A question of the lesson that this run can ask, computed from it. */
interface Askable {
  question: LessonQuestion;
  computed: ComputedQuestion;
  key: string;
  /** Its place among the lesson's questions, from 1. */
  number: number;
}

/** The question being asked, or whose answer is on show. */
interface Asking {
  scenarioId: string;
  step: number;
  /** The learner was playing when the player stopped: Skip and Continue play on. */
  playing: boolean;
  /** The choice made; null while the question is open. */
  chosen: string | null;
  /**
   * The player has shown the step this belongs to (the one before `step` while asking, `step` once
   * answered). Until then it is on its way there; after, showing any other step ends it.
   */
  arrived: boolean;
  /** How many times the learner tried to move past the open question. */
  nudges: number;
}

/**
 * The lesson's predict-then-reveal questions as stops for the step player. `trace` is the run on
 * screen when it is the one the questions were written for (the plain run at the lesson's seed) and
 * null otherwise: then, with questions turned off or outside a lesson, nothing is asked.
 *
 * Which question is open is not in the address: the address shows the step before it, and a reload
 * there asks again on the next step forward. A question answered or skipped is not asked again
 * while the page is open (stepping back to look must not ask twice); the score keeps the first answer.
 */
export function useQuestionStops(
  visual: VisualQuestions | undefined,
  scenarioId: string,
  trace: Trace | null,
  shownStep: number,
): PlayerStops | undefined {
  const enabled = useQuestionSettings((settings) => settings.enabled);
  const answerQuestion = useProgress((state) => state.answerQuestion);
  const askable = useMemo(
    () => askableIn(visual?.questions ?? [], scenarioId, trace),
    [visual, scenarioId, trace],
  );
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  const [asking, setAsking] = useState<Asking | null>(null);
  const active = visual !== undefined && trace !== null && enabled && askable.size > 0;

  // Keep the question in step with the player: moving elsewhere (scrubbing, a link, another
  // scenario, questions turned off) ends it.
  let current = asking;
  if (current !== null) {
    const at = current.chosen === null ? current.step - 1 : current.step;
    if (!active || current.scenarioId !== scenarioId || !askable.has(current.step)) current = null;
    else if (current.arrived && shownStep !== at) current = null;
    else if (!current.arrived && shownStep === at) current = { ...current, arrived: true };
    if (current !== asking) setAsking(current);
  }
  if (!active || visual === undefined || trace === null) return undefined;

  const settle = (key: string) => setSettled((before) => new Set(before).add(key));
  const labelOf = (id: string) => trace.actors.find((actor) => actor.id === id)?.label ?? id;

  const panel = (hands: PlayerHands) => {
    if (current === null) return null;
    const asked = current;
    const item = askable.get(asked.step);
    if (item === undefined) return null;
    const playOn = () => {
      hands.focus();
      if (asked.playing) hands.play();
    };
    if (asked.chosen === null) {
      if (shownStep !== asked.step - 1) return null;
      return (
        <QuestionForm
          key={item.key}
          computed={item.computed}
          number={item.number}
          total={visual.questions.length}
          nudges={asked.nudges}
          onAnswer={(choiceId) => {
            answerQuestion(visual.lessonId, item.key, choiceId === item.computed.answer);
            settle(item.key);
            setAsking({ ...asked, chosen: choiceId, arrived: false });
            hands.goTo(asked.step);
          }}
          onSkip={() => {
            settle(item.key);
            setAsking(null);
            hands.goTo(asked.step);
            playOn();
          }}
        />
      );
    }
    const frame = trace.frames[asked.step];
    return (
      <QuestionResult
        key={item.key}
        computed={item.computed}
        chosen={asked.chosen}
        why={item.question.why}
        narration={frame === undefined ? '' : narrate(frame.narration, labelOf)}
        playing={asked.playing}
        onContinue={() => {
          setAsking(null);
          playOn();
        }}
      />
    );
  };

  return {
    stopsBefore: (step) => {
      const item = askable.get(step);
      return item !== undefined && !settled.has(item.key);
    },
    onStop: (step, playing) => {
      if (current !== null && current.step === step && current.chosen === null) {
        // Already asking: bring the learner back to it.
        setAsking({ ...current, playing: current.playing || playing, nudges: current.nudges + 1 });
        return;
      }
      setAsking({ scenarioId, step, playing, chosen: null, arrived: false, nudges: 0 });
    },
    panel,
  };
}

/**
 * The questions of this scenario that its run can ask, by step: computed from the run, and only
 * where the step still says what the lesson expects (a scenario changed since would otherwise ask
 * about another event).
 */
function askableIn(
  questions: readonly LessonQuestion[],
  scenarioId: string,
  trace: Trace | null,
): ReadonlyMap<number, Askable> {
  const byStep = new Map<number, Askable>();
  if (trace === null) return byStep;
  questions.forEach((question, index) => {
    if (question.scenario !== scenarioId) return;
    if (trace.frames[question.step]?.narration.key !== question.narration) return;
    const computed = questionAt(trace, question.kind, question.step);
    if (typeof computed === 'string' || !computed.choices.some((c) => c.id === computed.answer)) return;
    byStep.set(question.step, { question, computed, key: questionKey(question), number: index + 1 });
  });
  return byStep;
}
