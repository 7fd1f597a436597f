import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSimCli } from '../../scripts/lib/simCli.ts';

function redis(input: string | (() => string), ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimCli(['redis', ...flags], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    input: typeof input === 'string' ? () => input : input,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sim -- redis', () => {
  it('prints each reply as redis-cli does', () => {
    const script = [
      'SET greeting "hello world"',
      'GET greeting',
      'GET missing',
      'INCR n',
      'INCRBY n 9223372036854775806',
      'INCR n',
      'HSET h a 1 b 2',
      'HGETALL h',
      'HGETALL nothing',
      'SCAN 0 MATCH greeting',
      'FLY away',
    ].join('\n');
    expect(redis(script)).toEqual({
      code: 0,
      err: '',
      out: [
        'OK',
        '"hello world"',
        '(nil)',
        '(integer) 1',
        '(integer) 9223372036854775807',
        '(error) ERR increment or decrement would overflow',
        '(integer) 2',
        '1) "a"',
        '2) "1"',
        '3) "b"',
        '4) "2"',
        '(empty array)',
        '1) "0"',
        '2) 1) "greeting"',
        "(error) ERR unknown command 'FLY', with args beginning with: 'away' ",
      ].join('\n'),
    });
  });

  it('right-aligns indexes from ten elements on, like redis-cli', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    const { out } = redis(`MSET ${keys.map((k) => `${k} ${k}`).join(' ')}\nMGET ${keys.join(' ')}`);
    const lines = out.split('\n');
    expect(lines[1]).toBe(' 1) "k0"');
    expect(lines[10]).toBe('10) "k9"');
  });

  it('skips blank lines and comments, and quotes with redis-cli’s rules', () => {
    const script = [
      '# a comment',
      '',
      '   ',
      'SET k "a\\tb\\x41\\"c"',
      'GET k',
      "SET q 'it\\'s \\n raw'",
      'GET q',
    ].join('\n');
    expect(redis(script).out).toBe(['OK', '"a\\tbA\\"c"', 'OK', '"it\'s \\\\n raw"'].join('\n'));
  });

  it('reports an unbalanced quote as redis-cli does and carries on', () => {
    const { code, out } = redis('SET k "open\nSET k \'open\nSET k "a"b\nGET k');
    expect(code).toBe(0);
    expect(out).toBe(
      ['Invalid argument(s)', 'Invalid argument(s)', 'Invalid argument(s)', '(nil)'].join('\n'),
    );
  });

  it('@advance moves virtual time without printing; keys expire on it', () => {
    const script = 'SET k v PX 1000\nPTTL k\n@advance 400\nPTTL k\n@advance 600\nGET k\nDBSIZE';
    expect(redis(script).out).toBe(
      ['OK', '(integer) 1000', '(integer) 600', '(nil)', '(integer) 0'].join('\n'),
    );
  });

  it('--time-step-ms advances after every command', () => {
    const script = 'SET k v PX 250\nPTTL k\nPTTL k\nGET k';
    expect(redis(script, '--time-step-ms', '100').out).toBe(
      ['OK', '(integer) 150', '(integer) 50', '(nil)'].join('\n'),
    );
    expect(redis(script, '--time-step-ms=0').out).toBe(
      ['OK', '(integer) 250', '(integer) 250', '"v"'].join('\n'),
    );
  });

  it('--json: one object per reply, integers exact beyond 2^53, errors with their full text', () => {
    const script =
      'SET n 9007199254740993\nINCR n\nGET n\nGET none\nMSET a 1\nMGET a none\nGET\nSET x "y\nSUBSCRIBE c';
    const lines = redis(script, '--json').out.split('\n');
    expect(lines).toEqual([
      '{"type":"status","value":"OK"}',
      '{"type":"integer","value":9007199254740994}',
      '{"type":"string","value":"9007199254740994"}',
      '{"type":"nil","value":null}',
      '{"type":"status","value":"OK"}',
      '{"type":"array","value":[{"type":"string","value":"1"},{"type":"nil","value":null}]}',
      '{"type":"error","value":"ERR wrong number of arguments for \'get\' command"}',
      '{"type":"error","value":"Invalid argument(s)"}',
      '{"type":"array","value":[{"type":"string","value":"subscribe"},{"type":"string","value":"c"},{"type":"integer","value":1}]}',
    ]);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('prints nothing for empty input and exits 0', () => {
    expect(redis('')).toEqual({ code: 0, out: '', err: '' });
  });

  it('exits 1 when standard input cannot be read', () => {
    const { code, err } = redis(() => {
      throw new Error('EAGAIN');
    });
    expect(code).toBe(1);
    expect(err).toContain('cannot read standard input: EAGAIN');
  });

  it.each([
    [['--jsn'], 'unknown flag --jsn'],
    [['--time-step-ms'], '--time-step-ms needs a value'],
    [['--time-step-ms', 'soon'], '--time-step-ms: "soon" is not a whole number'],
    [['--json=yes'], '--json takes no value'],
    [['extra'], 'unexpected argument "extra"'],
  ])('%j exits 2 with a usage message naming the flag', (flags, problem) => {
    const { code, out, err } = redis('GET k', ...flags);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(problem);
    expect(err).toContain('npm run sim -- redis');
  });

  it('works end to end through scripts/sim.ts and stdin', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', 'redis'], {
      input: 'SET k v\nGET k\n',
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('OK\n"v"\n');
  });
});
