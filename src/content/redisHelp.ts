/**
 * What the console's `HELP <command>` prints: one line on what the command does, and its syntax in
 * the notation of the Redis documentation. Only commands the simulated cache answers are listed.
 */
export interface CommandHelp {
  name: string;
  syntax: string;
  summary: string;
  group: 'string' | 'generic' | 'hash' | 'pubsub' | 'server' | 'connection';
}

const h = (group: CommandHelp['group'], name: string, syntax: string, summary: string): CommandHelp => ({
  group,
  name,
  syntax,
  summary,
});

export const commandHelp: readonly CommandHelp[] = [
  h('string', 'GET', 'key', 'Returns the string value of a key, or (nil) if the key does not exist.'),
  h(
    'string',
    'SET',
    'key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]',
    'Sets a key to a string value, optionally with a time to live, only if it does or does not exist.',
  ),
  h('string', 'SETEX', 'key seconds value', 'Sets a key and its time to live in seconds.'),
  h('string', 'PSETEX', 'key milliseconds value', 'Sets a key and its time to live in milliseconds.'),
  h('string', 'SETNX', 'key value', 'Sets a key only if it does not exist yet; returns 1 if it was set.'),
  h('string', 'GETDEL', 'key', 'Returns the value of a key and deletes the key.'),
  h(
    'string',
    'GETEX',
    'key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]',
    'Returns the value of a key and changes or removes its time to live.',
  ),
  h('string', 'MGET', 'key [key ...]', 'Returns the values of several keys, (nil) for each missing one.'),
  h('string', 'MSET', 'key value [key value ...]', 'Sets several keys at once.'),
  h('string', 'MSETNX', 'key value [key value ...]', 'Sets several keys only if none of them exists.'),
  h('string', 'INCR', 'key', 'Adds 1 to the integer stored at a key (a missing key counts as 0).'),
  h('string', 'DECR', 'key', 'Subtracts 1 from the integer stored at a key.'),
  h('string', 'INCRBY', 'key increment', 'Adds an integer to the integer stored at a key.'),
  h('string', 'DECRBY', 'key decrement', 'Subtracts an integer from the integer stored at a key.'),
  h('string', 'APPEND', 'key value', 'Appends to the string at a key; returns the new length.'),
  h('string', 'STRLEN', 'key', 'Returns the length in bytes of the string at a key.'),

  h('generic', 'DEL', 'key [key ...]', 'Deletes keys; returns how many existed.'),
  h(
    'generic',
    'UNLINK',
    'key [key ...]',
    'Deletes keys, freeing memory in the background; returns how many existed.',
  ),
  h(
    'generic',
    'EXISTS',
    'key [key ...]',
    'Returns how many of the given keys exist (a key named twice counts twice).',
  ),
  h('generic', 'TYPE', 'key', 'Returns the type of the value at a key: string, hash, or none.'),
  h('generic', 'RENAME', 'key newkey', 'Renames a key, replacing newkey if it exists.'),
  h(
    'generic',
    'EXPIRE',
    'key seconds [NX | XX | GT | LT]',
    'Sets a time to live in seconds; NX, XX, GT and LT set it only under that condition.',
  ),
  h('generic', 'PEXPIRE', 'key milliseconds [NX | XX | GT | LT]', 'Sets a time to live in milliseconds.'),
  h(
    'generic',
    'EXPIREAT',
    'key unix-time-seconds [NX | XX | GT | LT]',
    'Sets an expiry as a Unix time in seconds.',
  ),
  h(
    'generic',
    'PEXPIREAT',
    'key unix-time-milliseconds [NX | XX | GT | LT]',
    'Sets an expiry as a Unix time in milliseconds.',
  ),
  h(
    'generic',
    'TTL',
    'key',
    'Returns the seconds left to live; -1 without a TTL, -2 if the key does not exist.',
  ),
  h(
    'generic',
    'PTTL',
    'key',
    'Returns the milliseconds left to live; -1 without a TTL, -2 if the key does not exist.',
  ),
  h(
    'generic',
    'EXPIRETIME',
    'key',
    'Returns the expiry as a Unix time in seconds; -1 without a TTL, -2 if missing.',
  ),
  h(
    'generic',
    'PEXPIRETIME',
    'key',
    'Returns the expiry as a Unix time in milliseconds; -1 without a TTL, -2 if missing.',
  ),
  h('generic', 'PERSIST', 'key', 'Removes the time to live of a key; returns 1 if there was one.'),
  h(
    'generic',
    'KEYS',
    'pattern',
    'Returns every key matching a glob pattern (*, ?, [abc]). Slow on big keyspaces.',
  ),
  h(
    'generic',
    'SCAN',
    'cursor [MATCH pattern] [COUNT count]',
    'Walks the keyspace a few keys at a time; start at cursor 0 and stop when it returns 0.',
  ),
  h(
    'generic',
    'OBJECT FREQ',
    'key',
    'Returns the LFU access counter of a key (needs an LFU eviction policy).',
  ),
  h('generic', 'OBJECT IDLETIME', 'key', 'Returns the seconds since a key was last read or written.'),

  h('hash', 'HSET', 'key field value [field value ...]', 'Sets fields of a hash; returns how many were new.'),
  h('hash', 'HGET', 'key field', 'Returns the value of a hash field.'),
  h('hash', 'HMGET', 'key field [field ...]', 'Returns the values of several hash fields.'),
  h('hash', 'HGETALL', 'key', 'Returns every field and value of a hash.'),
  h('hash', 'HDEL', 'key field [field ...]', 'Deletes hash fields; returns how many existed.'),
  h('hash', 'HEXISTS', 'key field', 'Returns 1 if the hash has the field.'),
  h('hash', 'HINCRBY', 'key field increment', 'Adds an integer to a hash field.'),
  h('hash', 'HLEN', 'key', 'Returns the number of fields in a hash.'),
  h('hash', 'HKEYS', 'key', 'Returns the field names of a hash.'),
  h('hash', 'HVALS', 'key', 'Returns the values of a hash.'),

  h(
    'pubsub',
    'PUBLISH',
    'channel message',
    'Sends a message to a channel; returns how many subscribers got it.',
  ),
  h(
    'pubsub',
    'SUBSCRIBE',
    'channel [channel ...]',
    'Listens for messages on channels. The console shows them until UNSUBSCRIBE or Ctrl+C.',
  ),
  h(
    'pubsub',
    'UNSUBSCRIBE',
    '[channel [channel ...]]',
    'Stops listening on channels (all of them if none is named).',
  ),
  h(
    'pubsub',
    'PSUBSCRIBE',
    'pattern [pattern ...]',
    'Listens for messages on every channel matching a glob pattern.',
  ),
  h(
    'pubsub',
    'PUNSUBSCRIBE',
    '[pattern [pattern ...]]',
    'Stops listening on patterns (all of them if none is named).',
  ),

  h('connection', 'PING', '[message]', 'Returns PONG, or the message if one is given.'),
  h('connection', 'ECHO', 'message', 'Returns the message.'),

  h('server', 'DBSIZE', '', 'Returns the number of keys.'),
  h('server', 'FLUSHALL', '[ASYNC | SYNC]', 'Deletes every key.'),
  h('server', 'FLUSHDB', '[ASYNC | SYNC]', 'Deletes every key of the current database.'),
  h(
    'server',
    'CONFIG GET',
    'parameter [parameter ...]',
    'Returns settings: maxmemory, maxmemory-policy, maxmemory-samples.',
  ),
  h(
    'server',
    'CONFIG SET',
    'parameter value [parameter value ...]',
    'Changes maxmemory, maxmemory-policy or maxmemory-samples.',
  ),
  h(
    'server',
    'INFO',
    '[section [section ...]]',
    'Returns statistics: the stats, memory and keyspace sections.',
  ),
  h(
    'server',
    'MEMORY USAGE',
    'key',
    'Returns the bytes a key and its value take, in the simulation’s model.',
  ),
  h('server', 'COMMAND COUNT', '', 'Returns how many commands the server knows.'),
];

/** The help entry for a command name, in any case; two-word commands such as `CONFIG GET` too. */
export function helpFor(name: string): CommandHelp | undefined {
  const wanted = name.trim().replace(/\s+/g, ' ').toUpperCase();
  return commandHelp.find((entry) => entry.name === wanted);
}
