/**
 * A predict-then-reveal question, computed from a recorded run: the prompt, the choices and the
 * right answer all come from the trace at the step that shows the answer, so they stay true when a
 * scenario changes. Content only says where to ask and what kind of question (content/lessonSchema.ts).
 */
import type { ActorKind, Frame, Trace } from '../../engine/index.ts';
import type { LessonQuestion } from '../../content/lessonSchema.ts';

export type QuestionKind = LessonQuestion['kind'];

export interface QuestionChoice {
  id: string;
  label: string;
}

export interface ComputedQuestion {
  /** Asked while the player shows `step − 1`; answering reveals `step`. */
  step: number;
  prompt: string;
  choices: QuestionChoice[];
  /** The id of the right choice. */
  answer: string;
}

/** The sources a read can be served from, as the client's narration names them, in reading order. */
const SOURCES: readonly QuestionChoice[] = [
  { id: 'local cache', label: 'The app node’s local cache' },
  { id: 'cache', label: 'Redis' },
  { id: 'database', label: 'The database' },
];
const NOTHING = { id: '(nothing)', label: 'Nothing: the key does not exist' };

/**
 * The steps that deliver one message to several receivers, and what they are: the narration's
 * `count` says how many got it, and the choices run from none to as many as the run has actors of
 * that kind (or to the count, should it be more).
 */
const DELIVERIES: Record<string, { receivers: ActorKind; one: string; many: string }> = {
  'app.chat.published': { receivers: 'appNode', one: 'app node', many: 'app nodes' },
  'app.chat.fanout': { receivers: 'client', one: 'socket', many: 'sockets' },
  'broker.store': { receivers: 'consumer', one: 'consumer', many: 'consumers' },
};

/** The question of this kind at this step, or what makes it impossible there (for the content tests). */
export function questionAt(trace: Trace, kind: QuestionKind, step: number): ComputedQuestion | string {
  const frame = trace.frames[step];
  if (frame === undefined) return `step ${step} is past the run’s last step (${trace.frames.length - 1})`;
  if (step === 0) return 'step 0 is the state before anything happens: there is nothing to predict';
  const label = (id: unknown) => trace.actors.find((a) => a.id === id)?.label ?? String(id);
  const kindCount = (kind: ActorKind) => trace.actors.filter((a) => a.kind === kind).length;
  const { key: said, params } = frame.narration;
  switch (kind) {
    case 'reply-source': {
      if (said !== 'client.read.done') return `step ${step} says ${said}, not a client receiving its read`;
      // Only the sources this run can serve from: a local cache only where app nodes have one.
      const possible = SOURCES.filter((s) => s.id !== 'local cache' || hasLocalCaches(trace));
      return {
        step,
        prompt: `Where does ${label(params.client)}’s read of ${String(params.key)} get its answer from?`,
        choices: possible,
        answer: String(params.source),
      };
    }
    case 'reply-value': {
      if (said !== 'client.read.done' && said !== 'client.read.none')
        return `step ${step} says ${said}, not a client receiving its read`;
      const key = String(params.key);
      const values = valuesOf(trace, key);
      const choices = [...values].sort().map((value) => ({ id: value, label: `"${value}"` }));
      if (said === 'client.read.none' || choices.length < 2) choices.push(NOTHING);
      return {
        step,
        prompt: `Which value does ${label(params.client)} get for ${key}?`,
        choices,
        answer: said === 'client.read.none' ? NOTHING.id : String(params.value),
      };
    }
    case 'cache-lookup': {
      if (!said.startsWith('cache.get.')) return `step ${step} says ${said}, not Redis answering a GET`;
      const hit = said.startsWith('cache.get.hit');
      return {
        step,
        prompt: `Redis looks up ${String(params.key)}. Is it there?`,
        choices: [
          { id: 'hit', label: 'Yes: a hit' },
          { id: 'miss', label: 'No: a miss' },
        ],
        answer: hit ? 'hit' : 'miss',
      };
    }
    case 'stale-after': {
      const stale = frame.stale.length > 0;
      return {
        step,
        prompt: `${sentenceOf(frame, step)} After it, does any cache hold an older version than the database?`,
        choices: [
          { id: 'stale', label: 'Yes: a cache is stale' },
          { id: 'fresh', label: 'No: every cached copy matches the database' },
        ],
        answer: stale ? 'stale' : 'fresh',
      };
    }
    case 'page-outcome': {
      if (said !== 'client.page.done' && said !== 'client.page.logged-out')
        return `step ${step} says ${said}, not a client receiving a page`;
      const client = label(params.client);
      const page = `/${String(params.page)}`;
      return {
        step,
        prompt: `The answer to ${client}’s request for ${page} comes back. Is ${client} still signed in?`,
        choices: [
          { id: 'signed-in', label: `Yes: ${client} sees ${page}, signed in` },
          { id: 'logged-out', label: `No: ${client} is sent to the login page` },
        ],
        answer: said === 'client.page.done' ? 'signed-in' : 'logged-out',
      };
    }
    case 'delivery-count': {
      const delivery = DELIVERIES[said];
      if (delivery === undefined) return `step ${step} says ${said}, not a message being delivered`;
      const count = countOf(params.count);
      if (count === null) return `step ${step} does not say how many received the message`;
      const most = Math.max(count, kindCount(delivery.receivers));
      if (most === 0) return `the run has no ${delivery.many} to deliver to`;
      const choices: QuestionChoice[] = [];
      for (let n = 0; n <= most; n++)
        choices.push({
          id: String(n),
          label: n === 0 ? 'None' : `${n} ${n === 1 ? delivery.one : delivery.many}`,
        });
      return { step, prompt: deliveryPrompt(said, params, label), choices, answer: String(count) };
    }
  }
}

/** What is being delivered, and the question: to how many. */
function deliveryPrompt(said: string, params: Frame['narration']['params'], label: (id: unknown) => string) {
  const room = `chat:${String(params.room)}`;
  switch (said) {
    case 'app.chat.published':
      return `${label(params.app)} publishes ${label(params.client)}’s message on ${room}. To how many app nodes does Redis deliver it?`;
    case 'app.chat.fanout':
      return `${label(params.app)} receives the message on ${room}. Down how many open sockets does it send it?`;
    default:
      return `${label(params.node)} stores ${String(params.eventId)}. To how many consumers does it deliver it?`;
  }
}

/** A count from the narration's parameters: a whole number, or its digits. */
function countOf(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

function hasLocalCaches(trace: Trace): boolean {
  return trace.frames.some((f) => Object.keys(f.localCaches).length > 0);
}

/** Every value the key has anywhere in the run: its rows, Redis, the local caches. */
function valuesOf(trace: Trace, key: string): Set<string> {
  const values = new Set<string>();
  for (const frame of trace.frames) {
    for (const row of frame.db) if (row.key === key) values.add(row.value);
    for (const row of frame.cache) if (row.key === key) values.add(row.value);
    for (const rows of Object.values(frame.localCaches))
      for (const row of rows) if (row.key === key) values.add(row.value);
  }
  return values;
}

/**
 * What the step is about, briefly, for the stale question's prompt: the command or the key it names.
 * A command can end in its own punctuation (`PUBLISH chat:lobby is Carol here?`): no full stop then.
 */
function sentenceOf(frame: Frame, step: number): string {
  const { params } = frame.narration;
  if (typeof params.command === 'string') {
    const command = params.command.trim();
    return `At step ${step}, Redis runs ${command}${/[.?!…]$/.test(command) ? '' : '.'}`;
  }
  if (typeof params.key === 'string') return `Step ${step} concerns ${params.key}.`;
  return `Watch step ${step}.`;
}
