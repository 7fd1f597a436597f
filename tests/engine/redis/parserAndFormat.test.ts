import { describe, expect, it } from 'vitest';
import { globMatch } from '../../../src/engine/redis/glob.ts';
import { parseInt64 } from '../../../src/engine/redis/int64.ts';
import { parseCommandLine } from '../../../src/engine/redis/parser.ts';
import { formatReplyCli, replyToJson, type Reply } from '../../../src/engine/redis/reply.ts';
import { redisAt } from './support/session.ts';

describe('redis-cli line parsing', () => {
  it.each([
    ['SET k v', ['SET', 'k', 'v']],
    ['  GET   spaced  ', ['GET', 'spaced']],
    ['SET k "a b"', ['SET', 'k', 'a b']],
    ['SET k "\\n\\r\\t\\b\\a\\\\\\"\\x41\\q"', ['SET', 'k', '\n\r\t\b\x07\\"Aq']],
    ["SET k 'a \\' \\n b'", ['SET', 'k', "a ' \\n b"]],
    ['SET k a"b c"', ['SET', 'k', 'ab c']],
    ['SET k ""', ['SET', 'k', '']],
    ['SET é v', ['SET', '\xc3\xa9', 'v']],
    ['', []],
  ])('%s', (line, argv) => {
    expect(parseCommandLine(line)).toEqual({ ok: true, argv });
  });

  it.each(['SET k "open', "SET k 'open", 'SET k "a"b', "SET k 'a'b"])('rejects %s', (line) => {
    expect(parseCommandLine(line)).toEqual({ ok: false, error: 'Invalid argument(s)' });
  });
});

describe('Redis glob matching (stringmatchlen)', () => {
  it.each([
    ['*', 'anything', true],
    ['*', '', false],
    ['h?llo', 'hello', true],
    ['h[ae]llo', 'hallo', true],
    ['h[^e]llo', 'hello', false],
    ['h[a-b]llo', 'hbllo', true],
    ['h[b-a]llo', 'hallo', true],
    ['h\\*llo', 'h*llo', true],
    ['h\\*llo', 'hello', false],
    ['user:*:email', 'user:42:email', true],
    ['[', 'x', false],
    ['a[', 'a', false],
  ])('%s ~ %s is %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });
});

describe('64-bit integers as Redis parses them', () => {
  it.each([
    ['0', 0n],
    ['-1', -1n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', null],
    ['-0', null],
    ['01', null],
    ['+1', null],
    [' 1', null],
    ['1.0', null],
    ['', null],
  ])('%j → %s', (text, value) => {
    expect(parseInt64(text)).toBe(value);
  });
});

describe('reply formats', () => {
  const nested: Reply = {
    type: 'array',
    value: [
      { type: 'bulk', value: '0' },
      {
        type: 'array',
        value: [
          { type: 'bulk', value: 'a' },
          { type: 'integer', value: '9007199254740993' },
        ],
      },
      { type: 'array', value: [] },
      { type: 'bulk', value: null },
    ],
  };

  it('nests arrays under their index, like redis-cli', () => {
    expect(formatReplyCli(nested)).toBe(
      ['1) "0"', '2) 1) "a"', '   2) (integer) 9007199254740993', '3) (empty array)', '4) (nil)'].join('\n'),
    );
  });

  it('JSON keeps every digit and the types', () => {
    expect(replyToJson(nested)).toBe(
      '{"type":"array","value":[{"type":"string","value":"0"},{"type":"array","value":[{"type":"string","value":"a"},{"type":"integer","value":9007199254740993}]},{"type":"array","value":[]},{"type":"nil","value":null}]}',
    );
  });
});

describe('server commands', () => {
  it('INFO reports hits, misses, expired and evicted keys, memory and the keyspace', () => {
    const { run, text, session } = redisAt();
    run('SET a 1');
    run('SET b 2 PX 100');
    run('GET a');
    run('GET nope');
    session.advance(200);
    const info = text('INFO');
    for (const line of [
      '# Memory',
      'maxmemory:0',
      'maxmemory_policy:noeviction',
      '# Stats',
      'keyspace_hits:1',
      'keyspace_misses:1',
      'expired_keys:1',
      'evicted_keys:0',
      '# Keyspace',
      'db0:keys=1,expires=0,avg_ttl=0',
    ]) {
      expect(info).toContain(`${line}\r\n`);
    }
    expect(text('INFO stats')).not.toContain('# Memory');
  });

  it('COMMAND COUNT counts the commands this keyspace implements', () => {
    const { run } = redisAt();
    expect(Number(run('COMMAND COUNT').split(' ')[1])).toBeGreaterThanOrEqual(55);
  });

  it('a real Redis command it does not simulate says so, rather than claiming Redis lacks it', () => {
    const { run } = redisAt();
    expect(run('LPUSH list a')).toBe(
      "(error) ERR 'lpush' is a real Redis command, but CacheScope's keyspace does not simulate it (strings, hashes, keys, TTLs, pub/sub and eviction only)",
    );
    expect(run('NOSUCH a')).toBe("(error) ERR unknown command 'NOSUCH', with args beginning with: 'a' ");
  });
});
