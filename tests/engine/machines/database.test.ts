import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { databaseMachine, holdingsOf } from '../../../src/engine/machines/databaseMachine.ts';
import type { Payload, StepNote } from '../../../src/engine/sim/messages.ts';
import { RowStore } from '../../../src/engine/sim/rowStore.ts';
import { eventNarration } from '../../../src/content/narration/events.ts';
import { narrationTemplates } from '../../../src/content/narration.ts';
import { record, message } from './driver.ts';

// The database alone, driven by hand on a simulated clock: what it commits, when, and what it
// sends and says.

const READ_MS = 5;
const WRITE_MS = 20;

function start(relay: string | null, rows = new RowStore([{ key: 'k', value: 'old', version: 1 }])) {
  const clock = new SimulatedClock();
  const { outbox, sent, notes } = record();
  const db = createActor(databaseMachine, {
    input: {
      id: 'db',
      outbox,
      narrate: true,
      now: () => clock.now(),
      rows,
      readLatencyMs: READ_MS,
      writeLatencyMs: WRITE_MS,
      relay,
    },
    clock,
  });
  db.start();
  const query = (payload: Payload, from = 'app') => db.send(message(from, 'db', payload));
  return { clock, db, rows, sent, notes, query };
}

/** Every note key said in these tests, to check each has a sentence. */
const saidKeys = new Set<string>();
const said = (notes: StepNote[]) =>
  notes.map((n) => {
    saidKeys.add(n.key);
    return [n.key, n.params];
  });

describe('databaseMachine: select and update', () => {
  it('keeps its sentences for a plain update and a select, and records who wrote the row', () => {
    const { clock, rows, notes, sent, query } = start(null);
    query({ kind: 'db query', requestId: 4, query: 'update', key: 'k', value: 'new' });
    clock.increment(WRITE_MS);
    query({ kind: 'db query', requestId: 5, query: 'select', key: 'nope' });
    clock.increment(READ_MS);
    expect(said(notes)).toEqual([
      ['db.update.start', { key: 'k', value: 'new', ms: WRITE_MS }],
      ['db.update.commit', { key: 'k', value: 'new', version: 2 }],
      ['db.select.start', { key: 'nope', ms: READ_MS }],
      ['db.select.none', { key: 'nope' }],
    ]);
    expect(sent.map((s) => s.payload)).toEqual([
      { kind: 'db result', requestId: 4, query: 'update', key: 'k', row: { value: 'new', version: 2 } },
      { kind: 'db result', requestId: 5, query: 'select', key: 'nope', row: null },
    ]);
    expect(rows.commits).toEqual([{ key: 'k', value: 'new', version: 2, requestId: 4 }]);
    expect(rows.outboxRows()).toEqual([]);
  });
});

describe('databaseMachine: the outbox', () => {
  it('commits the outbox row in the same step as the row, and tells the relay', () => {
    const { clock, db, rows, notes, sent, query } = start('relay');
    query({ kind: 'db query', requestId: 7, query: 'update', key: 'k', value: 'new', outbox: { schema: 1 } });
    clock.increment(WRITE_MS - 1);
    // Nothing is committed until the query finishes: neither the row nor its outbox row.
    expect(rows.peek('k')).toEqual({ value: 'old', version: 1 });
    expect(rows.outboxRows()).toEqual([]);
    expect(sent).toEqual([]);

    clock.increment(1);
    expect(db.getSnapshot().value).toBe('idle');
    expect(rows.peek('k')).toEqual({ value: 'new', version: 2 });
    expect(rows.outboxRows()).toEqual([
      { eventId: 'k#v2', key: 'k', version: 2, schema: 1, published: false },
    ]);
    expect(sent).toEqual([
      {
        type: 'send',
        to: 'app',
        payload: {
          kind: 'db result',
          requestId: 7,
          query: 'update',
          key: 'k',
          row: { value: 'new', version: 2 },
        },
      },
      {
        type: 'send',
        to: 'relay',
        payload: {
          kind: 'outbox row',
          requestId: 0,
          event: { eventId: 'k#v2', key: 'k', version: 2, schema: 1 },
        },
      },
    ]);
    expect(said(notes)).toEqual([
      ['db.update.start', { key: 'k', value: 'new', ms: WRITE_MS }],
      [
        'db.update.commit.outbox.notify',
        { key: 'k', value: 'new', version: 2, eventId: 'k#v2', to: 'relay' },
      ],
    ]);
    expect(holdingsOf(db.getSnapshot().context)).toEqual(['outbox pending: k#v2']);
  });

  it('without a relay, writes the outbox row and tells no one', () => {
    const { clock, rows, notes, sent, query } = start(null);
    query({ kind: 'db query', requestId: 7, query: 'update', key: 'k', value: 'new', outbox: { schema: 3 } });
    clock.increment(WRITE_MS);
    expect(sent.map((s) => s.to)).toEqual(['app']);
    expect(rows.pendingOutbox()).toEqual([{ eventId: 'k#v2', key: 'k', version: 2, schema: 3 }]);
    expect(said(notes).map(([key]) => key)).toEqual(['db.update.start', 'db.update.commit.outbox']);
  });

  it('lists the pending outbox rows, oldest first, and marks one as published', () => {
    const rows = new RowStore(
      [],
      [
        { eventId: 'a#v1', key: 'a', version: 1, schema: 1 },
        { eventId: 'b#v4', key: 'b', version: 4, schema: 1 },
      ],
    );
    const { clock, db, notes, sent, query } = start('relay', rows);
    query({ kind: 'db query', requestId: 0, query: 'outbox pending' }, 'relay');
    clock.increment(READ_MS);
    query({ kind: 'db query', requestId: 0, query: 'outbox published', eventId: 'a#v1' }, 'relay');
    clock.increment(WRITE_MS);
    query({ kind: 'db query', requestId: 0, query: 'outbox pending' }, 'relay');
    clock.increment(READ_MS);

    expect(sent).toEqual([
      {
        type: 'send',
        to: 'relay',
        payload: {
          kind: 'db result',
          requestId: 0,
          query: 'outbox pending',
          events: [
            { eventId: 'a#v1', key: 'a', version: 1, schema: 1 },
            { eventId: 'b#v4', key: 'b', version: 4, schema: 1 },
          ],
        },
      },
      {
        type: 'send',
        to: 'relay',
        payload: { kind: 'db result', requestId: 0, query: 'outbox published', eventId: 'a#v1' },
      },
      {
        type: 'send',
        to: 'relay',
        payload: {
          kind: 'db result',
          requestId: 0,
          query: 'outbox pending',
          events: [{ eventId: 'b#v4', key: 'b', version: 4, schema: 1 }],
        },
      },
    ]);
    expect(said(notes)).toEqual([
      ['db.outbox.pending.start', { ms: READ_MS, from: 'relay' }],
      ['db.outbox.pending', { count: 2, eventIds: 'a#v1, b#v4' }],
      ['db.outbox.published.start', { eventId: 'a#v1', ms: WRITE_MS }],
      ['db.outbox.published', { eventId: 'a#v1' }],
      ['db.outbox.pending.start', { ms: READ_MS, from: 'relay' }],
      ['db.outbox.pending', { count: 1, eventIds: 'b#v4' }],
    ]);
    expect(rows.outboxRows().map((r) => [r.eventId, r.published])).toEqual([
      ['a#v1', true],
      ['b#v4', false],
    ]);
    expect(db.getSnapshot().value).toBe('idle');
  });
});

describe('databaseMachine: update batch', () => {
  it('commits every row in one transaction, each with the request that wrote it', () => {
    const { clock, rows, notes, sent, query } = start(null);
    query(
      {
        kind: 'db query',
        requestId: 0,
        query: 'update batch',
        rows: [
          { key: 'k', value: 'x', requestId: 11 },
          { key: 'j', value: 'y', requestId: 12 },
          { key: 'k', value: 'z', requestId: 13 },
        ],
      },
      'cache',
    );
    clock.increment(WRITE_MS - 1);
    expect(rows.commits).toEqual([]);
    clock.increment(1);
    expect(rows.commits).toEqual([
      { key: 'k', value: 'x', version: 2, requestId: 11 },
      { key: 'j', value: 'y', version: 1, requestId: 12 },
      { key: 'k', value: 'z', version: 3, requestId: 13 },
    ]);
    expect(sent).toEqual([
      {
        type: 'send',
        to: 'cache',
        payload: {
          kind: 'db result',
          requestId: 0,
          query: 'update batch',
          rows: [
            { key: 'k', value: 'x', version: 2 },
            { key: 'j', value: 'y', version: 1 },
            { key: 'k', value: 'z', version: 3 },
          ],
        },
      },
    ]);
    expect(said(notes)).toEqual([
      ['db.batch.start', { count: 3, keys: 'k, j, k', ms: WRITE_MS }],
      ['db.batch.commit', { count: 3, rows: 'k = "x" (v2), j = "y" (v1), k = "z" (v3)' }],
    ]);
  });
});

describe('databaseMachine: faults', () => {
  it('fails the next updates it is told to, without committing them or their outbox rows', () => {
    const { clock, db, rows, notes, sent, query } = start('relay');
    db.send({ type: 'fail writes', count: 2 });
    expect(holdingsOf(db.getSnapshot().context)).toEqual(['next updates to fail: 2']);
    query({ kind: 'db query', requestId: 1, query: 'update', key: 'k', value: 'a', outbox: { schema: 1 } });
    query({ kind: 'db query', requestId: 2, query: 'select', key: 'k' });
    query({ kind: 'db query', requestId: 3, query: 'update', key: 'k', value: 'b' });
    query({ kind: 'db query', requestId: 4, query: 'update', key: 'k', value: 'c' });
    clock.increment(WRITE_MS);

    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      [
        'app',
        { kind: 'db result', requestId: 2, query: 'select', key: 'k', row: { value: 'old', version: 1 } },
      ],
      [
        'app',
        { kind: 'db result', requestId: 1, query: 'update', key: 'k', row: null, error: 'write failed' },
      ],
      [
        'app',
        { kind: 'db result', requestId: 3, query: 'update', key: 'k', row: null, error: 'write failed' },
      ],
      [
        'app',
        { kind: 'db result', requestId: 4, query: 'update', key: 'k', row: { value: 'c', version: 2 } },
      ],
    ]);
    expect(rows.commits).toEqual([{ key: 'k', value: 'c', version: 2, requestId: 4 }]);
    expect(rows.outboxRows()).toEqual([]);
    expect(said(notes).map(([key]) => key)).toEqual([
      'db.fail-writes',
      'db.update.start',
      'db.select.start',
      'db.update.start',
      'db.update.start',
      'db.select.row',
      'db.update.failed',
      'db.update.failed',
      'db.update.commit',
    ]);
    expect(notes[0]!.params).toEqual({ count: 2 });
    expect(notes[6]!.params).toEqual({ key: 'k' });
    expect(db.getSnapshot().context.writesToFail).toBe(0);
  });

  it('slows every later query down, and the slowdowns add up', () => {
    const { clock, db, notes, sent, query } = start(null);
    query({ kind: 'db query', requestId: 1, query: 'select', key: 'k' }); // started before: unaffected
    db.send({ type: 'slow down', extraMs: 30 });
    db.send({ type: 'slow down', extraMs: 10 });
    expect(holdingsOf(db.getSnapshot().context)).toEqual([
      'queries running: 1',
      'slowed down: +40 ms per query',
    ]);
    query({ kind: 'db query', requestId: 2, query: 'select', key: 'k' });
    clock.increment(READ_MS);
    expect(sent.map((s) => s.payload.requestId)).toEqual([1]);
    clock.increment(39); // t = 44, a millisecond before the slowed query ends
    expect(sent.map((s) => s.payload.requestId)).toEqual([1]);
    expect(db.getSnapshot().value).toBe('busy');
    clock.increment(1);
    expect(sent.map((s) => s.payload.requestId)).toEqual([1, 2]);
    expect(db.getSnapshot().value).toBe('idle');
    expect(said(notes)).toEqual([
      ['db.select.start', { key: 'k', ms: READ_MS }],
      ['db.slow', { extraMs: 30, totalMs: 30 }],
      ['db.slow', { extraMs: 10, totalMs: 40 }],
      ['db.select.start', { key: 'k', ms: READ_MS + 40 }],
      ['db.select.row', { key: 'k', value: 'old', version: 1 }],
      ['db.select.row', { key: 'k', value: 'old', version: 1 }],
    ]);
  });
});

describe('database narration', () => {
  it('has a sentence for every key the database said in these tests', () => {
    const missing = [...saidKeys].filter(
      (key) => eventNarration[key] === undefined && narrationTemplates[key] === undefined,
    );
    expect(missing).toEqual([]);
    expect(saidKeys.size).toBeGreaterThan(10);
  });
});
