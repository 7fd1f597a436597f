import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/engine/index.ts';
import { questionAt } from '../../src/ui/questions/questionAt.ts';
import type { ComputedQuestion, QuestionKind } from '../../src/ui/questions/questionAt.ts';
import { runOf } from './lessonFixture.ts';

// Every kind of question, computed from real runs: the steps are found by what they say, so a
// scenario that changes its timing moves them without breaking these tests.

/** The `nth` step (from 0) whose narration has this key. */
function stepSaying(trace: Trace, key: string, nth = 0): number {
  const steps = trace.frames.filter((f) => f.narration.key === key).map((f) => f.index);
  const step = steps[nth];
  if (step === undefined) throw new Error(`no step ${nth} saying ${key}`);
  return step;
}

function asked(trace: Trace, kind: QuestionKind, step: number): ComputedQuestion {
  const question = questionAt(trace, kind, step);
  if (typeof question === 'string') throw new Error(question);
  expect(question.step).toBe(step);
  expect(question.choices.map((c) => c.id)).toContain(question.answer);
  expect(new Set(question.choices.map((c) => c.id)).size).toBe(question.choices.length);
  return question;
}

/** The same run with one step's narration parameters replaced. */
function withParams(trace: Trace, step: number, params: Record<string, string | number>): Trace {
  return {
    ...trace,
    frames: trace.frames.map((f) => (f.index === step ? { ...f, narration: { ...f.narration, params } } : f)),
  };
}

const answerLabel = (q: ComputedQuestion) => q.choices.find((c) => c.id === q.answer)?.label;

const read = runOf('cache-aside-read');
const chat = runOf('chat-fanout');

describe('any question', () => {
  it.each<QuestionKind>([
    'reply-source',
    'reply-value',
    'cache-lookup',
    'stale-after',
    'page-outcome',
    'delivery-count',
  ])('%s is impossible at step 0 and past the last step', (kind) => {
    expect(questionAt(read, kind, 0)).toMatch(/step 0 is the state before anything happens/);
    expect(questionAt(read, kind, read.frames.length)).toMatch(/past the run’s last step/);
  });
});

describe('reply-source', () => {
  it('asks where a read came from, offering only the sources the run has', () => {
    const first = asked(read, 'reply-source', stepSaying(read, 'client.read.done', 0));
    expect(first.prompt).toMatch(/^Where does .+’s read of user:42:email get its answer from\?$/);
    expect(first.choices.map((c) => c.id)).toEqual(['cache', 'database']);
    expect(first.answer).toBe('database');
    expect(asked(read, 'reply-source', stepSaying(read, 'client.read.done', 1)).answer).toBe('cache');
  });

  it('offers the local cache where app nodes have one', () => {
    const multi = runOf('multi-level-read');
    const question = asked(multi, 'reply-source', stepSaying(multi, 'client.read.done'));
    expect(question.choices.map((c) => c.id)).toEqual(['local cache', 'cache', 'database']);
  });

  it('is impossible where no client receives a read', () => {
    expect(questionAt(read, 'reply-source', stepSaying(read, 'cache.get.miss'))).toMatch(
      /says cache\.get\.miss, not a client receiving its read/,
    );
  });
});

describe('reply-value', () => {
  it('asks which value the client gets, among every value the key has in the run', () => {
    const write = runOf('cache-aside-write');
    const step = stepSaying(write, 'client.read.done', 0);
    const question = asked(write, 'reply-value', step);
    expect(question.answer).toBe(String(write.frames[step]?.narration.params.value));
    expect(question.choices.length).toBeGreaterThanOrEqual(2);
    expect(question.choices.map((c) => c.label)).toContain(`"${question.answer}"`);
  });

  it('offers "nothing" when the run has one value, and answers it when the key does not exist', () => {
    const only = asked(read, 'reply-value', stepSaying(read, 'client.read.done'));
    expect(only.choices.map((c) => c.id)).toContain('(nothing)');
    const none = withParams(read, stepSaying(read, 'client.read.done'), { client: 'alice', key: 'user:7' });
    const step = stepSaying(read, 'client.read.done');
    const absent = {
      ...none,
      frames: none.frames.map((f) =>
        f.index === step ? { ...f, narration: { ...f.narration, key: 'client.read.none' } } : f,
      ),
    };
    expect(asked(absent, 'reply-value', step).answer).toBe('(nothing)');
  });

  it('is impossible where no client receives a read', () => {
    expect(questionAt(read, 'reply-value', stepSaying(read, 'cache.get.hit'))).toMatch(/not a client/);
  });
});

describe('cache-lookup', () => {
  it('answers miss for a miss and hit for a hit', () => {
    expect(asked(read, 'cache-lookup', stepSaying(read, 'cache.get.miss')).answer).toBe('miss');
    const hit = asked(read, 'cache-lookup', stepSaying(read, 'cache.get.hit'));
    expect(hit.prompt).toBe('Redis looks up user:42:email. Is it there?');
    expect(hit.answer).toBe('hit');
  });

  it('counts a null marker as a hit', () => {
    const nulls = runOf('penetration-null-caching');
    expect(asked(nulls, 'cache-lookup', stepSaying(nulls, 'cache.get.hit.null')).answer).toBe('hit');
  });

  it('is impossible where Redis answers no GET', () => {
    expect(questionAt(read, 'cache-lookup', stepSaying(read, 'client.read.done'))).toMatch(
      /not Redis answering a GET/,
    );
  });
});

describe('stale-after', () => {
  it('answers stale once the database is ahead of a cached copy, fresh otherwise', () => {
    const wrong = runOf('cache-aside-wrong-order');
    const staleStep = wrong.frames.findIndex((f) => f.stale.length > 0);
    expect(asked(wrong, 'stale-after', staleStep).answer).toBe('stale');
    expect(asked(read, 'stale-after', stepSaying(read, 'cache.get.hit')).answer).toBe('fresh');
  });

  it('names the step and what it concerns', () => {
    const write = runOf('cache-aside-write');
    const commit = asked(write, 'stale-after', stepSaying(write, 'db.update.commit'));
    expect(commit.prompt).toMatch(/^Step \d+ concerns user:42:email\. After it, does any cache hold/);
    const get = asked(read, 'stale-after', stepSaying(read, 'cache.get.hit'));
    expect(get.prompt).toMatch(/^At step \d+, Redis runs GET user:42:email\. After it,/);
  });

  it('names a command without doubling its punctuation', () => {
    const publish = chat.frames.find(
      (f) => f.narration.key === 'cache.command.from' && String(f.narration.params.command).endsWith('?'),
    );
    if (publish === undefined) throw new Error('no command ending in "?"');
    const question = asked(chat, 'stale-after', publish.index);
    expect(question.prompt).toContain(`Redis runs ${String(publish.narration.params.command)} After it,`);
    expect(question.prompt).not.toMatch(/[?!.]\./);
    const plain = asked(chat, 'stale-after', stepSaying(chat, 'cache.command.from'));
    expect(plain.prompt).toMatch(/^At step \d+, Redis runs SUBSCRIBE chat:lobby\. After it,/);
  });

  it('answers fresh where nothing is cached, as in a pub/sub run', () => {
    expect(asked(chat, 'stale-after', stepSaying(chat, 'app.chat.published')).answer).toBe('fresh');
  });
});

describe('page-outcome', () => {
  it('answers logged-out when the other node does not know the session', () => {
    const roundRobin = runOf('sessions-round-robin');
    const question = asked(roundRobin, 'page-outcome', stepSaying(roundRobin, 'client.page.logged-out'));
    expect(question.prompt).toBe(
      'The answer to Alice’s request for /inbox comes back. Is Alice still signed in?',
    );
    expect(question.choices.map((c) => c.id)).toEqual(['signed-in', 'logged-out']);
    expect(question.answer).toBe('logged-out');
    expect(answerLabel(question)).toBe('No: Alice is sent to the login page');
  });

  it('answers signed-in when the session is found, even after a node crashed', () => {
    const shared = runOf('sessions-redis');
    expect(asked(shared, 'page-outcome', stepSaying(shared, 'client.page.done', 0)).answer).toBe('signed-in');
    const afterCrash = asked(shared, 'page-outcome', stepSaying(shared, 'client.page.done', 1));
    expect(afterCrash.answer).toBe('signed-in');
    expect(answerLabel(afterCrash)).toBe('Yes: Alice sees /inbox, signed in');
  });

  it('is impossible where no client receives a page', () => {
    const roundRobin = runOf('sessions-round-robin');
    expect(questionAt(roundRobin, 'page-outcome', stepSaying(roundRobin, 'client.login.done'))).toMatch(
      /says client\.login\.done, not a client receiving a page/,
    );
  });
});

describe('delivery-count', () => {
  it('asks to how many app nodes Redis delivers, from none to every app node in the run', () => {
    const question = asked(chat, 'delivery-count', stepSaying(chat, 'app.chat.published', 0));
    expect(question.prompt).toBe(
      'Node A publishes Alice’s message on chat:lobby. To how many app nodes does Redis deliver it?',
    );
    expect(question.choices).toEqual([
      { id: '0', label: 'None' },
      { id: '1', label: '1 app node' },
      { id: '2', label: '2 app nodes' },
      { id: '3', label: '3 app nodes' },
    ]);
    expect(question.answer).toBe('3');
  });

  it('counts only the subscribers still up: a crashed node gets nothing', () => {
    const crashed = chat.frames.findIndex((f) => f.narration.key === 'fault.crash.app');
    const after = chat.frames.find((f) => f.index > crashed && f.narration.key === 'app.chat.published');
    if (after === undefined) throw new Error('no publish after the crash');
    expect(asked(chat, 'delivery-count', after.index).answer).toBe(String(after.narration.params.count));
    expect(after.narration.params.count).toBe(2);
  });

  it('asks down how many sockets a node sends a message, up to the clients in the run', () => {
    const question = asked(chat, 'delivery-count', stepSaying(chat, 'app.chat.fanout'));
    expect(question.prompt).toMatch(
      /^Node \w receives the message on chat:lobby\. Down how many open sockets/,
    );
    expect(question.choices.map((c) => c.label)).toEqual(['None', '1 socket', '2 sockets', '3 sockets']);
    expect(question.answer).toBe('1');
  });

  it('asks to how many consumers the broker delivers an event', () => {
    const duplicate = runOf('duplicate-delivery');
    const question = asked(duplicate, 'delivery-count', stepSaying(duplicate, 'broker.store'));
    expect(question.choices.map((c) => c.label)).toEqual(['None', '1 consumer']);
    expect(question.answer).toBe('1');
  });

  it('keeps the answer among the choices when the count is more than the run has receivers', () => {
    const step = stepSaying(chat, 'app.chat.published');
    const more = withParams(chat, step, { app: 'app-a', room: 'lobby', client: 'alice', count: '5' });
    const question = asked(more, 'delivery-count', step);
    expect(question.choices.at(-1)).toEqual({ id: '5', label: '5 app nodes' });
    expect(question.answer).toBe('5');
  });

  it('is impossible where nothing is delivered, without a count, or with nobody to deliver to', () => {
    const step = stepSaying(chat, 'app.chat.published');
    expect(questionAt(chat, 'delivery-count', stepSaying(chat, 'client.chat.send'))).toMatch(
      /says client\.chat\.send, not a message being delivered/,
    );
    expect(
      questionAt(withParams(chat, step, { app: 'app-a', room: 'lobby' }), 'delivery-count', step),
    ).toMatch(/does not say how many received the message/);
    expect(
      questionAt(withParams(chat, step, { app: 'app-a', count: 'many' }), 'delivery-count', step),
    ).toMatch(/does not say how many/);
    const noNodes = { ...withParams(chat, step, { app: 'app-a', count: 0 }), actors: [] };
    expect(questionAt(noNodes, 'delivery-count', step)).toMatch(/the run has no app nodes to deliver to/);
  });
});
