/**
 * Sentences for what the cache says about version checks, leases, read-through and write-behind,
 * and for what the load balancer says. Same template syntax as narration.ts.
 */
export const cacheAndBalancerNarration: Record<string, string> = {
  // A load's bulk warm-up: rows copied straight into the cache, as a loader job would.
  'load.warm-up':
    'A loader copies {count} {count|key|keys} ({from} \u2026 {to}) from the database straight into the cache, each with a TTL of {ttl} s.',
  'load.warm-up.jitter':
    'A loader copies {count} {count|key|keys} ({from} \u2026 {to}) from the database straight into the cache, each with a TTL of {ttl} s plus 0 to {jitter} s drawn at random.',

  // Version check (`ifNewer`).
  'cache.set.newer':
    'The cache holds no newer version of {key}, so it stores "{value}" at version {version}.',
  'cache.set.older':
    'The cache already holds {key} at version {cached}, not older than version {version}, so it refuses this SET and returns (nil).',

  // Leases.
  'cache.get.miss.lease':
    'Cache miss: the cache has no {key}, so it returns (nil) with lease {lease}. Only a SET that brings back a valid lease is stored.',
  'cache.set.lease':
    'Lease {lease} for {key} is still valid, so the cache stores "{value}" and the lease is used up.',
  'cache.set.lease.refused':
    'Lease {lease} for {key} is no longer valid (a DEL cancelled it, or it was used), so the cache refuses the SET and returns (nil).',
  'cache.del.lease':
    'The cache deletes {key} and cancels {count} {count|lease|leases} handed out for it: a SET with {count|that lease|those leases} will be refused.',
  'cache.del.absent.lease':
    'The cache has no live {key} to delete, but it cancels {count} {count|lease|leases} handed out for it: a SET with {count|that lease|those leases} will be refused.',

  // Read-through.
  'cache.get.miss.load':
    'Cache miss: the cache has no {key}, so it reads the row from the database itself (read-through).',
  'cache.load.fill':
    'The database returned {key} = "{value}" at version {version}. The cache stores it for {ttl} seconds and answers {to}.',
  'cache.load.keep':
    'The database returned {key} at version {version}, but the cache already holds version {cached}, so it keeps that and answers {to} with "{value}".',
  'cache.load.none':
    'The database has no row for {key}, so the cache stores nothing and answers {to} with (nil).',

  // Write-behind.
  'cache.set.writeBehind':
    'The cache stores {key} = "{value}" and answers at once. The database gets the write later: {count} {count|write is|writes are} waiting.',
  'cache.writeBehind.flush':
    'The cache sends {count} buffered {count|write|writes} to the database in one batch: {keys}. {waiting} {waiting|write waits|writes wait} for the next batch.',
  'cache.writeBehind.committed':
    'The database committed the batch ({keys}), so the cache drops {count|that write|those writes} from its buffer. {waiting} {waiting|write is|writes are} still buffered.',
  'cache.writeBehind.flush.last':
    'The cache sends {count} buffered {count|write|writes} to the database in one batch: {keys}. Nothing else is waiting.',
  'cache.writeBehind.committed.last':
    'The database committed the batch ({keys}), so the cache drops {count|that write|those writes} from its buffer. The buffer is empty.',
  'cache.command.from': 'The cache runs {command} for {from}.',
  'cache.db.forgotten':
    'The database answers about {key}, but the cache no longer waits for it (it restarted since), so nothing changes.',

  // Load balancer.
  'lb.forward.round-robin':
    'The load balancer sends the request from {client} to {node}, the next node in turn.',
  'lb.forward.sticky':
    'The load balancer sends the request from {client} to {node}, the node {client} is pinned to.',
  'lb.forward.sticky.new':
    'The load balancer has not seen {client} before, so it pins {client} to {node}, the next node in turn, and sends the request there.',
  'lb.forward.sticky.moved':
    '{from} is down, so the load balancer moves {client} to {node} and sends the request there. Whatever {from} kept in memory for {client} is out of reach.',
  'lb.forward.least-connections':
    'The load balancer sends the request from {client} to {node}, which has the fewest requests in progress ({count}).',
  'lb.response': 'The load balancer passes the answer from {node} back to {client}.',
  'lb.response.late':
    'An answer from {node} about {key} arrives, but the load balancer already answered that request, so it drops this one.',
  'lb.node.down':
    'The health check finds {node} down. The load balancer stops sending it requests and answers {count} {count|request|requests} in progress there with 502 Bad Gateway.',
  'lb.node.up': 'The health check finds {node} up again, so the load balancer sends it requests again.',
  'lb.unavailable':
    'No app node is up, so the load balancer answers {client} at once with 503 Service Unavailable.',
};
