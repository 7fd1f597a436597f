import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp.tsx';

const LESSON = '/lessons/cache-aside?scenario=cache-aside-read&seed=1&step=10';

async function openConsole() {
  const user = userEvent.setup();
  const app = renderApp(LESSON);
  const input = await screen.findByRole('textbox', { name: 'Redis command' });
  const log = screen.getByRole('log', { name: 'Console output' });
  const type = async (line: string) => {
    await user.click(input);
    await user.keyboard(`${line.replace(/[{[]/g, (c) => c + c)}{Enter}`);
  };
  return { user, app, input, log, type };
}

const cacheTable = () => screen.getByRole('table', { name: 'Cache' });
const stepText = () => screen.getByText(/^Step \d+ of \d+$/).textContent;
const lastStep = () => Number(/of (\d+)$/.exec(stepText() ?? '')?.[1]);

describe('the Redis console on a lesson page', () => {
  it('runs a command in the simulation: the reply prints and the cache table shows the key', async () => {
    const { log, type } = await openConsole();
    const last = lastStep();
    expect(stepText()).toBe(`Step 10 of ${last}`);
    await type('SET user:1 Alice EX 60');
    expect(within(log).getByText('SET user:1 Alice EX 60')).toBeVisible();
    expect(within(log).getByText('OK')).toBeVisible();
    // The run grew by three steps (the console sends, the cache runs it, the reply arrives) and the
    // player moved to the one where the cache ran it.
    expect(stepText()).toBe(`Step 12 of ${last + 3}`);
    expect(within(cacheTable()).getByText('user:1')).toBeVisible();
    expect(within(cacheTable()).getByText('Alice')).toBeVisible();

    await type('GET user:1');
    await type('TTL user:1');
    expect(within(log).getByText('"Alice"')).toBeVisible();
    expect(within(log).getByText('(integer) 60')).toBeVisible();
  });

  it('prints errors as redis-cli does, and an unbalanced quote without sending anything', async () => {
    const { log, type } = await openConsole();
    await type('INCRBY counter ten');
    expect(within(log).getByText('(error) ERR value is not an integer or out of range')).toBeVisible();
    const before = stepText();
    await type('GET "unbalanced');
    expect(within(log).getByText('Invalid argument(s)')).toBeVisible();
    expect(stepText()).toBe(before);
  });

  it('keeps a history on ↑ and ↓ and completes command names with Tab', async () => {
    const { user, input, type } = await openConsole();
    await type('PING');
    await type('ECHO hi');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('ECHO hi');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('PING');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveValue('');
    await user.keyboard('dbsi{Tab}');
    expect(input).toHaveValue('DBSIZE ');
    await user.clear(input);
    await user.keyboard('pex{Tab}');
    expect(input).toHaveValue('PEXPIRE');
    expect(screen.getByText('PEXPIRE PEXPIREAT PEXPIRETIME')).toBeVisible();
  });

  it('answers HELP and CLEAR itself', async () => {
    const { log, type } = await openConsole();
    await type('HELP GET');
    expect(within(log).getByText(/summary: Returns the string value of a key/)).toBeVisible();
    await type('CLEAR');
    expect(within(log).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('SUBSCRIBE enters subscribed mode until Ctrl+C', async () => {
    const { user, log, type } = await openConsole();
    await type('SUBSCRIBE news');
    expect(within(log).getByText('1) "subscribe"')).toBeVisible();
    expect(screen.getByText(/Reading messages/)).toBeVisible();
    await user.keyboard('{Control>}c{/Control}');
    expect(screen.queryByText(/Reading messages/)).toBeNull();
    expect(within(log).getByText('1) "unsubscribe"')).toBeVisible();
  });
});
