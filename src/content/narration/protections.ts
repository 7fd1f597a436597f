/** Sentences for the failure modes' protections: stampede (mutex, single-flight, XFetch, stale-while-revalidate) and penetration (null caching, Bloom filter). */
export const protectionNarration: Record<string, string> = {
  // Penetration: the Bloom filter.
  'app.read.bloom.absent':
    '{app} checks its Bloom filter: one of the {hashes} bits for {key} is 0, so no such key was ever added. {app} answers "not found" without asking the cache or the database.',
  'app.read.bloom.maybe':
    "All {hashes} of {key}'s bits are set in {app}'s Bloom filter: the key may exist. {app} checks the cache: GET {key}.",

  // Penetration: null caching.
  'app.read.null.fill':
    'The database has no {key}. {app} caches that fact for {ttl} s: SET {key} {marker} EX {ttl}.',
  'app.read.null.fill.shared':
    'The database has no {key}. {app} tells the {count} {count|read|reads} waiting for this load, and caches that fact for {ttl} s: SET {key} {marker} EX {ttl}.',
  'app.read.null.hit':
    '{app} finds the null marker: {key} is known not to exist. It answers "not found" without asking the database.',
  'app.read.none.cached': 'The marker is stored. {app} tells {client} that {key} does not exist.',
  'app.read.none.not-cached':
    'The cache refused the marker, so the next read of {key} will ask the database again. {app} tells {client} that {key} does not exist.',
  'app.read.none.shared':
    '{app} tells this read and the {count} {count|read|reads} waiting for it that {key} does not exist.',

  // Stampede: the mutex.
  'app.read.lock.try':
    'A miss. Before it loads {key}, {app} tries to take the lock: SET {lock} {token} NX PX {ms}.',
  'app.read.lock.try-again':
    'Still a miss. {app} tries the lock again, since its holder may be gone: SET {lock} {token} NX PX {ms}.',
  'app.read.lock.won': '{app} holds {lock}, so it alone loads {key} from the database.',
  'app.read.lock.wait':
    'Another request holds {lock}. {app} waits {ms} ms (wait {attempt}) and then asks the cache again.',
  'app.read.lock.retry': "{app}'s wait {attempt} is over; it asks the cache again: GET {key}.",
  'app.read.lock.give-up':
    '{app} has waited {count} {count|time|times} and {lock} is still taken. It stops waiting and loads {key} from the database itself.',
  'app.read.lock.release':
    'The cache is filled. {app} releases {lock}, but only if it still holds {token} (a compare-and-delete).',
  'app.read.reply.unlocked': 'The lock is released. {app} sends {key} to {client}.',
  'app.read.none.unlocked': 'The lock is released. {app} tells {client} that {key} does not exist.',
  'app.read.reply.lock-lost':
    "{app}'s lock expired while it loaded, so its release deleted nothing; a lock another request took since stays theirs. {app} answers {client}.",
  'app.read.hit.after-wait':
    '{app} finds "{value}" in the cache, filled by the lock holder, and replies without touching the database.',

  // Stampede: single-flight.
  'app.read.single-flight.lead':
    'A miss. No load of {key} is under way in {app}, so this request loads it; other misses on {key} in {app} will wait for it.',
  'app.read.single-flight.join':
    'A miss, but {app} is loading {key} already. This request waits for that load instead of starting another ({count} waiting).',
  'app.read.fill.shared':
    'The row arrives. {app} hands it to the {count} {count|read|reads} that waited, and fills the cache: SET {key} "{value}" EX {ttl}.',

  // Stampede: XFetch.
  'app.read.fill.delta':
    '{app} fills the cache and keeps Δ = {delta} ms, the time the load took, beside the value: SET {key} "{value}" EX {ttl}.',
  'app.read.xfetch.keep':
    '{app} got "{value}" with {ms} ms left. Its draw, Δ·β·(−ln rand) = {lead} ms, is shorter, so it keeps the value and replies.',
  'app.read.xfetch.early':
    '{app} got {key} with {ms} ms left, but its draw, Δ·β·(−ln rand) = {lead} ms, reaches past the expiry. It recomputes the value now, before the key expires.',

  // Stampede: stale-while-revalidate.
  'app.read.fill.stale':
    '{app} fills the cache for {ttl} s: SET {key} "{value}" EX {ttl}. It is fresh for {fresh} s, then may be served stale for {stale} s.',
  'app.read.stale.serve':
    '{key} has been stale for {ms} ms. {app} sends "{value}" to {client} at once, and tries to take {lock} to refresh it in the background.',
  'app.read.refresh.lock-won': '{app} holds {lock}, so it refreshes {key} from the database.',
  'app.read.refresh.skip':
    'Another request holds {lock} and is refreshing {key} already, so {app} leaves it to them.',
  'app.read.refresh.done': '{key} is fresh again. The readers served the stale value never waited for this.',

  // The cache's side.
  'cache.get.hit.ttl':
    'Cache hit: the cache returns "{value}" and the {ms} ms its TTL has left (GET and PTTL in one round trip).',
  'cache.get.hit.null': 'Cache hit: the cache holds a null marker for {key} and returns it.',
  'cache.set.nx.taken': 'Nobody holds {key}: the cache stores {value} with a {ms} ms expiry and returns OK.',
  'cache.set.nx.held': '{key} is held by {holder}, so NX stores nothing and the cache returns (nil).',
  'cache.del.lock': '{key} still holds {token}, so the cache deletes it: the lock is free.',
  'cache.del.lock.not-owner':
    '{key} now holds {holder}, not {token}: the lock expired and was taken by another request. The cache deletes nothing and returns (integer) 0.',
  'cache.del.lock.gone':
    '{key} has expired already, so there is nothing to release. The cache returns (integer) 0.',
};
