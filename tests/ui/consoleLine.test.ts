import { describe, expect, it } from 'vitest';
import { CommandHistory, completeCommand, interpretLine } from '../../src/ui/console/consoleLine.ts';

describe('interpretLine', () => {
  it('splits a command with redis-cli quoting', () => {
    expect(interpretLine(`SET greeting "hello world"`)).toEqual({
      kind: 'command',
      argv: ['SET', 'greeting', 'hello world'],
    });
    expect(interpretLine(`SET k 'it\\'s'`)).toEqual({ kind: 'command', argv: ['SET', 'k', "it's"] });
    expect(interpretLine(`SET k "a\\tb"`)).toEqual({ kind: 'command', argv: ['SET', 'k', 'a\tb'] });
  });

  it('answers an unbalanced quote with redis-cli’s message and sends nothing', () => {
    expect(interpretLine('GET "oops')).toEqual({
      kind: 'local',
      lines: ['Invalid argument(s)'],
      tone: 'error',
    });
    expect(interpretLine("GET 'oops")).toMatchObject({ kind: 'local', tone: 'error' });
  });

  it('handles CLEAR, HELP and blank lines itself', () => {
    expect(interpretLine('   ')).toEqual({ kind: 'nothing' });
    expect(interpretLine('clear')).toEqual({ kind: 'clear' });
    expect(interpretLine('HELP ttl')).toEqual({
      kind: 'local',
      tone: 'info',
      lines: [
        '  TTL key',
        '  summary: Returns the seconds left to live; -1 without a TTL, -2 if the key does not exist.',
        '  group: generic',
      ],
    });
    expect(interpretLine('help config get')).toMatchObject({
      lines: expect.arrayContaining([expect.stringContaining('CONFIG GET parameter')]),
    });
    expect(interpretLine('HELP NOPE')).toMatchObject({
      lines: ['No help for "NOPE". Type HELP for how the console works.'],
    });
    expect(interpretLine('HELP')).toMatchObject({ kind: 'local', tone: 'info' });
  });
});

describe('completeCommand', () => {
  it('completes a unique command name and adds a space', () => {
    expect(completeCommand('subs')).toEqual({ value: 'SUBSCRIBE ', candidates: ['SUBSCRIBE'] });
  });

  it('completes as far as the candidates agree and lists them', () => {
    expect(completeCommand('pex')).toEqual({
      value: 'PEXPIRE',
      candidates: ['PEXPIRE', 'PEXPIREAT', 'PEXPIRETIME'],
    });
    // Nothing to add when the candidates part at once: the line stays as typed.
    expect(completeCommand('pe')).toEqual({
      value: 'pe',
      candidates: ['PERSIST', 'PEXPIRE', 'PEXPIREAT', 'PEXPIRETIME'],
    });
    expect(completeCommand('hk')).toEqual({ value: 'HKEYS ', candidates: ['HKEYS'] });
    expect(completeCommand('hinc').value).toBe('HINCRBY ');
  });

  it('leaves arguments and unknown words alone', () => {
    expect(completeCommand('GET us')).toEqual({ value: 'GET us', candidates: [] });
    expect(completeCommand('zz')).toEqual({ value: 'zz', candidates: [] });
  });
});

describe('CommandHistory', () => {
  it('walks back and forth and keeps the line being typed', () => {
    const history = new CommandHistory();
    history.add('GET a');
    history.add('GET b');
    history.add('GET b'); // a repeat is kept once, as in a shell
    expect(history.older('draft')).toBe('GET b');
    expect(history.older('GET b')).toBe('GET a');
    expect(history.older('GET a')).toBe('GET a');
    expect(history.newer()).toBe('GET b');
    expect(history.newer()).toBe('draft');
  });
});
