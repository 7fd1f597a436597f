/**
 * Sentences for the database's outbox, batch and fault steps, and for the event-driven
 * invalidation actors: outbox relay, broker, consumers and dead-letter queue. Same syntax as
 * `narrationTemplates`: `{name}` is a parameter, `{name|one|many}` picks a word by its count, and
 * `client`, `app`, `from`, `to`, `node` are actor ids shown by their labels.
 */
export const eventNarration: Record<string, string> = {
  'db.update.commit.outbox':
    'The database commits {key} = "{value}" at version {version} and, in the same transaction, adds the outbox row {eventId}.',
  'db.update.commit.outbox.notify':
    'The database commits {key} = "{value}" at version {version} and, in the same transaction, adds the outbox row {eventId}. It tells {to} about the new row.',
  'db.update.failed': 'The update of {key} fails: the database commits nothing and returns an error.',
  'db.batch.start':
    'The database starts one transaction that writes {count} {count|row|rows} ({keys}); it commits in {ms} ms.',
  'db.batch.commit': 'The database commits {count} {count|row|rows} in one transaction: {rows}.',
  'db.outbox.pending.start':
    '{from} asks for the outbox rows not yet published; the database reads them in {ms} ms.',
  'db.outbox.pending': 'The database returns {count} unpublished outbox {count|row|rows}: {eventIds}.',
  'db.outbox.pending.none': 'The database returns no outbox rows: every event has been published.',
  'db.outbox.published.start':
    'The database starts marking the outbox row {eventId} as published; it commits in {ms} ms.',
  'db.outbox.published': 'The database marks the outbox row {eventId} as published.',
  'db.slow':
    'The database slows down: every query from now on takes {extraMs} ms longer ({totalMs} ms extra in all).',
  'db.fail-writes':
    'The database will fail {count|the next update|the next few updates} instead of committing ({count} in all).',

  'relay.start': '{node} starts and asks {to} for the outbox rows it has not published yet.',
  'relay.pending':
    '{node} has {count} unpublished {count|event|events}: {eventIds}. It publishes {count|it|them one at a time, oldest first, starting} now.',
  'relay.pending.none':
    'Nothing is waiting in the outbox, so {node} waits for the database to report new rows.',
  'relay.pending.known':
    '{node} already has {count|that event|those events} queued or published, so it publishes nothing new.',
  'relay.cdc': 'The database reports a new outbox row, {eventId}; {node} publishes it to {to}.',
  'relay.cdc.queue':
    'The database reports a new outbox row, {eventId}; {node} is busy, so it queues the event to publish later.',
  'relay.skip': '{node} already has {eventId} queued or published, so it skips it.',
  'relay.publish': '{node} publishes {eventId} to {to}.',
  'relay.stored': '{from} has stored {eventId}, so {node} marks its outbox row as published in {to}.',
  'relay.marked': 'The outbox row {eventId} is marked as published; {node} has nothing else to publish.',
  'relay.marked.next':
    'The outbox row {eventId} is marked as published; {node} publishes the next event, {next}.',

  'broker.store':
    '{node} stores {eventId} on the topic, confirms it to {from} and delivers it to {count} {count|consumer|consumers}.',
  'broker.ack': '{from} has processed {eventId}; {node} counts the delivery as acknowledged.',
  'broker.ack.duplicate':
    '{from} had already processed {eventId}; {node} counts the delivery as acknowledged all the same.',
  'broker.ack.late':
    '{from} answers "{outcome}" for {eventId}, but {node} has already settled that delivery, so it ignores the answer.',
  'broker.fail.again':
    '{from} reports {eventId} failed again; {node} has already scheduled the next delivery.',
  'broker.retry.wait':
    '{from} could not process {eventId} (attempt {attempt} of {max}); {node} will deliver it again in {ms} ms.',
  'broker.retry': '{node} delivers {eventId} to {to} again: attempt {attempt} of {max}.',
  'broker.timeout':
    '{to} has not answered about {eventId} within {ms} ms, so {node} delivers it again: attempt {attempt} of {max}.',
  'broker.dead-letter':
    '{from} failed {eventId} {attempts} {attempts|time|times}, the limit. {node} stops retrying and moves the event to {to}.',
  'broker.dead-letter.timeout':
    '{from} did not acknowledge {eventId} after {attempts} {attempts|delivery|deliveries}, the limit. {node} moves the event to {to}.',

  'consumer.claim':
    '{node} receives {eventId} (attempt {attempt}). Before acting, it claims the event in {to}: {command}. NX sets the marker only if it is not there yet.',
  'consumer.queue': '{node} is still processing {current}, so {eventId} waits its turn.',
  'consumer.poison':
    '{node} cannot read {eventId}: the event is in schema {schema}, and this consumer knows only schema {schemas}. It reports the event to {to} as failed.',
  'consumer.delete':
    'The marker is new, so {node} has not processed {eventId} before. It deletes the cached copy: DEL {key}.',
  'consumer.done': '{node} has deleted {key} and tells {to} that {eventId} is done.',
  'consumer.duplicate':
    'The marker for {eventId} already exists, so {node} has processed this event before. It deletes nothing and tells {to} it is a duplicate.',
  'consumer.claim.error':
    'The cache refused the marker for {eventId} ({reply}), so {node} reports the event to {to} as failed.',

  'dlq.store':
    '{node} keeps {eventId} after {attempts} {attempts|delivery|deliveries}. It now holds {count} {count|event|events} that someone has to look at.',
};
