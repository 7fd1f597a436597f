/** Sentences for the write paths of app nodes: write-around, write-through, write-behind, invalidation and race fixes. */
export const writeNarration: Record<string, string> = {
  'app.write.through.start': 'Write-through: {app} writes to the database first: UPDATE {key} = "{value}".',
  'app.write.through.set':
    'The update is committed, so {app} writes the new value into Redis too: SET {key} "{value}" EX {ttl} (version {version}).',
  'app.write.failed':
    'The database did not commit the write. {app} reports the failure to {client} and leaves the cache alone.',
  'app.write.behind.start':
    'Write-behind: {app} writes only to Redis: SET {key} "{value}". The database will get it later.',
  'app.write.behind.ack': '{app} confirms the write to {client} at once. It is in Redis memory only.',
  'app.write.version-bump':
    "The update is committed as version {version}. {app} points readers at the new version: SET {key}:version {version}. The old version's key is never read again.",
  'app.write.set-if-newer':
    'The update is committed as version {version}. {app} puts it in the cache, unless the cache already holds that version or a newer one: SET {key} "{value}" EX {ttl}, compared by version.',
  'app.write.publish':
    '{app} tells the other nodes: PUBLISH {channel} "{key} {version} {origin}". Each subscriber drops {key} from its local cache.',
  'app.write.publish-event':
    'The update is committed. {app} now publishes event {event} to the broker, in a second, separate write.',
  'app.write.reply.outbox':
    'The row and its outbox event committed together. {app} confirms the write to {client}; the relay will publish the event.',
  'app.write.reply.delete-again':
    '{app} confirms the write to {client}, and schedules a second DEL {key} in {ms} ms to remove any old value a slow reader puts back.',
  'app.write.delete-again': 'The delay is over: {app} deletes {key} a second time.',
  'app.write.delete-again.done': 'The second delete is done.',

  'app.login.memory': '{app} creates session {session} for {user} and keeps it in its own memory.',
};
