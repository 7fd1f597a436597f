/** Sentences for clients beyond reads and writes, for the end of a run, and for faults. */
export const nodeNarration: Record<string, string> = {
  'run.end.stale.local':
    "The run is over, and {node}'s local cache is wrong: it holds {key} at version {cacheVersion}, the database has version {dbVersion}. That node serves the old value until the entry expires in {seconds} s.",

  'client.login.send': '{client} logs in as {user} through {app}.',
  'client.write.done.unversioned':
    '{client} gets the confirmation for {key}. The database has not seen the write yet.',
  'client.failed': '{client} gets an error for {key}: {error}.',

  'app.read.local-hit': '{app} finds {key} in its own memory and answers "{value}" without asking Redis.',
  'fault.drop-next.kind': 'The next {kind} message from {from} to {to} will be lost on the network.',
  'fault.delay': 'The link between {from} and {to} slows down: every message now takes {ms} ms longer.',
  'fault.crash': '{node} crashes. Everything it held in memory is gone.',
  'fault.crash.app': '{node} crashes. The requests it was serving and everything it kept in memory are gone.',
  'fault.crash.cache':
    'Redis crashes. It had no persistence, so every key is gone, and so {count|is|are} {count} buffered {count|write|writes} it had not written to the database yet.',
  'fault.crash.client': '{node} is a client; clients do not crash in this simulation.',
  'fault.crash.already': '{node} is already down.',
  'fault.restart': '{node} starts again, with empty memory.',
  'fault.restart.relay': '{node} starts again and asks the database for the outbox rows not yet published.',
  'fault.restart.cache': 'Redis starts again, empty.',
  'fault.restart.running': '{node} is running, so there is nothing to restart.',
  'fault.partition': 'A network partition cuts {nodes} off from everyone else.',
  'fault.heal': 'The partition heals: every node can reach every other again.',
  'fault.slow-db': 'The database slows down: every query now takes {ms} ms longer.',
  'fault.fail-writes':
    'The database starts failing writes: {count|the next update|the next few updates} will not commit ({count} in all).',
  'fault.unknown': 'There is no actor called {node} in this scenario.',
  'fault.lost.dropped': 'A message from {from} to {to} is lost on the network: {message}.',
  'fault.lost.partition':
    'The message "{message}" from {from} to {to} is lost: a partition lies between them.',
  'fault.lost.down': '{to} is down, so the message from {from} is lost: {message}.',
};
